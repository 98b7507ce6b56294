package io.kubegen.runtime.testserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.testserver.FaultProxy.HttpFault;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The HTTP faults of {@link FaultProxy}, over plain HTTP and through TLS it terminates. */
@Timeout(60)
class FaultProxyTest {
  private static final Duration CALL = Duration.ofSeconds(10);
  private FaultServer server;
  private FaultProxy proxy;

  @AfterEach
  void tearDown() {
    if (proxy != null) {
      proxy.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static HttpClient client(SSLContext tls) {
    HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CALL);
    if (tls != null) {
      b.sslContext(tls);
    }
    return b.build();
  }

  private static HttpResponse<String> get(HttpClient client, URI base, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(CALL).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answers503WithAndWithoutRetryAfterWithoutReachingTheServerThenHeals() throws Exception {
    server = FaultServer.start();
    server.route("/x").always(Reply.json(200, "{}"));
    proxy = FaultProxy.builder(server.url()).seed(1).build();
    HttpClient client = client(null);
    URI base = proxy.url("http");

    proxy.httpFault(HttpFault.UNAVAILABLE);
    HttpResponse<String> plain = get(client, base, "/x");
    assertThat(plain.statusCode()).isEqualTo(503);
    assertThat(plain.headers().firstValue("Retry-After")).isEmpty();
    assertThat(plain.body()).contains("\"reason\":\"ServiceUnavailable\"");

    proxy.httpFault(HttpFault.UNAVAILABLE_RETRY_AFTER);
    HttpResponse<String> withRetryAfter = get(client, base, "/x");
    assertThat(withRetryAfter.statusCode()).isEqualTo(503);
    assertThat(withRetryAfter.headers().firstValue("Retry-After")).contains("1");
    assertThat(server.requests("/x")).isEmpty();

    proxy.heal();
    assertThat(get(client, base, "/x").statusCode()).isEqualTo(200);
    assertThat(proxy.counts().answeredUnavailable()).isEqualTo(2);
    assertThat(proxy.counts().requests()).isEqualTo(3);
  }

  @Test
  void truncationCutsAResponseShortOfItsLength() throws Exception {
    server = FaultServer.start();
    String big = "{\"data\":\"" + "x".repeat(64 * 1024) + "\"}";
    server.route("/big").always(Reply.json(200, big));
    proxy = FaultProxy.builder(server.url()).seed(7).build();
    HttpClient client = client(null);
    proxy.truncateResponses(true);
    // a cut inside the headers or the body: the client never gets the whole response
    assertThatThrownBy(() -> get(client, proxy.url("http"), "/big")).isInstanceOf(IOException.class);
    assertThat(proxy.counts().truncated()).isEqualTo(1);
    proxy.heal();
    assertThat(get(client, proxy.url("http"), "/big").body()).isEqualTo(big);
  }

  @Test
  void dropWatchesEndsOnlyTheWatchStream() throws Exception {
    server = FaultServer.start();
    ChunkedStream stream = new ChunkedStream();
    server.watchRoute("/w").always(Reply.stream(stream));
    server.route("/x").always(Reply.json(200, "{}"));
    proxy = FaultProxy.builder(server.url()).seed(3).build();
    HttpClient client = client(null);
    HttpResponse<InputStream> watch = client.send(HttpRequest.newBuilder(proxy.url("http").resolve("/w?watch=true"))
        .timeout(CALL).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.awaitOpen(CALL)).isTrue();
    stream.writeEvent("ADDED", "{\"metadata\":{\"name\":\"a\"}}");
    InputStream body = watch.body();
    assertThat(body.read()).isEqualTo('{');

    assertThat(proxy.dropWatches()).isEqualTo(1);
    // without the drop the stream stays open and this never ends
    CompletableFuture.runAsync(() -> {
      byte[] buffer = new byte[1024];
      try {
        while (body.read(buffer) >= 0) {
          // what was delivered before the drop
        }
      } catch (IOException cut) {
        // a chunked stream cut before its last chunk
      }
    }).get(CALL.toSeconds(), TimeUnit.SECONDS);
    assertThat(get(client, proxy.url("http"), "/x").statusCode()).isEqualTo(200);
  }

  @Test
  void heldWatchRequestsAreForwardedLater() throws Exception {
    server = FaultServer.start();
    server.watchRoute("/w").always(Reply.json(200, "{}"));
    proxy = FaultProxy.builder(server.url()).seed(5).build();
    proxy.delayWatchRequests(Duration.ofMillis(300), Duration.ofMillis(300));
    long start = System.nanoTime();
    assertThat(get(client(null), proxy.url("http"), "/w?watch=true").statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(proxy.counts().delayedWatches()).isEqualTo(1);
  }

  @Test
  void refusedUntilListeningAgainOnTheSamePort() throws Exception {
    server = FaultServer.start();
    server.route("/x").always(Reply.json(200, "{}"));
    proxy = FaultProxy.builder(server.url()).seed(2).build();
    HttpClient client = client(null);
    assertThat(get(client, proxy.url("http"), "/x").statusCode()).isEqualTo(200);
    proxy.refuse();
    assertThat(proxy.isListening()).isFalse();
    assertThatThrownBy(() -> get(client, proxy.url("http"), "/x")).isInstanceOf(ConnectException.class);
    proxy.listen();
    assertThat(get(client, proxy.url("http"), "/x").statusCode()).isEqualTo(200);
  }

  @Test
  void terminatedTlsLetsTheHttpFaultsWorkOverTls() throws Exception {
    SelfSignedCertificate upstreamCertificate = SelfSignedCertificate.create();
    server = FaultServer.startTls(upstreamCertificate);
    server.route("/x").always(Reply.json(200, "{}"));
    SelfSignedCertificate proxyCertificate = SelfSignedCertificate.create();
    SSLContext trustUpstream = RestConfig.builder().server(server.url().toString())
        .caData(upstreamCertificate.certificatePem()).build().sslContext();
    proxy = FaultProxy.builder(server.url()).seed(4).terminateTls(proxyCertificate.serverContext(), trustUpstream)
        .build();
    HttpClient client = client(RestConfig.builder().server(proxy.url("https").toString())
        .caData(proxyCertificate.certificatePem()).build().sslContext());
    assertThat(get(client, proxy.url("https"), "/x").statusCode()).isEqualTo(200);
    proxy.httpFault(HttpFault.UNAVAILABLE);
    assertThat(get(client, proxy.url("https"), "/x").statusCode()).isEqualTo(503);
    assertThat(server.requests("/x")).hasSize(1);
  }
}
