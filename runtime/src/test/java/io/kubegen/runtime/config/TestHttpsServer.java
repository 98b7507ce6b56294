package io.kubegen.runtime.config;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * A loopback HTTPS server that answers every request with the subject of the client
 * certificate (or {@code anonymous}) and the request's {@code Authorization} header scheme.
 */
final class TestHttpsServer implements AutoCloseable {
  private final HttpsServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);

  TestHttpsServer(SSLContext context, boolean needClientAuth) {
    try {
      server = HttpsServer.create(new InetSocketAddress(TestPki.loopback(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setHttpsConfigurator(new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters parameters = context.getDefaultSSLParameters();
        if (needClientAuth) {
          parameters.setNeedClientAuth(true);
        } else {
          parameters.setWantClientAuth(true);
        }
        params.setSSLParameters(parameters);
      }
    });
    server.createContext("/", exchange -> {
      String subject = "anonymous";
      try {
        subject = ((X509Certificate) ((HttpsExchange) exchange).getSSLSession().getPeerCertificates()[0])
            .getSubjectX500Principal().getName();
      } catch (SSLPeerUnverifiedException e) {
        // no client certificate
      }
      byte[] body = subject.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.setExecutor(executor);
    server.start();
  }

  URI url() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
  }

  /** GETs {@code /} with the client side of {@code config}; returns the body (the client certificate subject). */
  static String get(RestConfig config) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder()
        .sslContext(config.sslContext())
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    HttpRequest request = HttpRequest.newBuilder(config.servers().get(0).resolve("/"))
        .timeout(Duration.ofSeconds(10))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
