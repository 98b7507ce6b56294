package io.kubegen.runtime.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the JDK's HTTP client send {@code Proxy-Authorization: Basic ...} on the {@code CONNECT}
 * that opens an HTTPS tunnel, as kubectl does for a proxy URL with credentials.
 *
 * <p>The JDK drops that header from {@code CONNECT} while the system property
 * {@code jdk.http.auth.tunneling.disabledSchemes} lists {@code Basic}, which it does by default,
 * and reads the property once, when its HTTP client is first used in the JVM. So kubegen sets the
 * property to the empty list when a configuration with proxy credentials is built, unless it was
 * set explicitly; the JVM-wide effect is that Basic proxy credentials may be used for tunnels by
 * every {@code java.net.http} client in the JVM (other clients send them only if they were given
 * some). When the JDK's HTTP client was in use before, the change comes too late: a one-time
 * loopback probe then finds that the header is still dropped and a warning says to start the JVM
 * with {@code -Djdk.http.auth.tunneling.disabledSchemes=}. Thread-safe.
 */
final class ProxyTunnelAuth {
  static final String PROPERTY = "jdk.http.auth.tunneling.disabledSchemes";
  private static final Logger LOG = LoggerFactory.getLogger(ProxyTunnelAuth.class);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15); // a loopback round trip; generous for loaded machines
  private static Boolean sent;
  private static boolean warned;

  private ProxyTunnelAuth() {}

  /**
   * Enables Basic credentials on {@code CONNECT} (unless the property was set explicitly) and
   * warns when this JVM still drops them.
   *
   * @param label names the proxy setting in the warning
   */
  static synchronized void prepare(String label) {
    String value = System.getProperty(PROPERTY);
    if (value == null) {
      System.setProperty(PROPERTY, "");
      LOG.info("{}: the proxy URL has credentials; kubegen sets -D{}= (empty) so that the JDK's HTTP client sends "
          + "them on CONNECT, as kubectl does", label, PROPERTY);
    } else if (listsBasic(value)) {
      LOG.warn("{}: the proxy URL has credentials, but -D{} lists Basic, so the JDK's HTTP client will not send "
          + "them when it opens a tunnel through the proxy; remove Basic from that property", label, PROPERTY);
      return;
    }
    if (sent == null) {
      sent = probe();
    }
    if (!sent && !warned) {
      warned = true;
      LOG.warn("{}: the proxy URL has credentials, but this JVM's HTTP client does not send them on CONNECT: it "
          + "was first used before kubegen could set -D{}=; start the JVM with -D{}= (empty)", label, PROPERTY,
          PROPERTY);
    }
  }

  static boolean listsBasic(String schemes) {
    for (String scheme : schemes.split(",")) {
      if (scheme.strip().toLowerCase(Locale.ROOT).equals("basic")) {
        return true;
      }
    }
    return false;
  }

  /** Whether a CONNECT made by the JDK's HTTP client in this JVM carries a Proxy-Authorization header. */
  static boolean probe() {
    try (ServerSocket proxy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      proxy.setSoTimeout((int) PROBE_TIMEOUT.toMillis());
      HttpClient client = HttpClient.newBuilder()
          .proxy(ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.getLocalPort())))
          .connectTimeout(PROBE_TIMEOUT)
          .build();
      HttpRequest request = HttpRequest.newBuilder(URI.create("https://kubegen-proxy-probe.invalid/"))
          .header("Proxy-Authorization", "Basic cHJvYmU6cHJvYmU=")
          .timeout(PROBE_TIMEOUT)
          .build();
      CompletableFuture<HttpResponse<Void>> response = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
      boolean carried;
      try (Socket connection = proxy.accept()) {
        connection.setSoTimeout((int) PROBE_TIMEOUT.toMillis());
        String head = readHead(connection.getInputStream()).toLowerCase(Locale.ROOT);
        carried = head.startsWith("connect ") && head.contains("\nproxy-authorization: basic ");
        OutputStream out = connection.getOutputStream();
        out.write("HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
      }
      try {
        response.get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception ignored) {
        // only the request the proxy saw matters
      }
      return carried;
    } catch (IOException e) {
      LOG.debug("proxy credential probe failed: {}", e.toString());
      return true; // cannot tell: assume the property took effect
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (head.size() < 16 * 1024) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
      if (matched == 4) {
        break;
      }
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }
}
