package io.kubegen.apiserver.e2e.informer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fault-injecting proxy itself: when {@link LoopbackProxy#down()} returns, nothing gets
 * through it, not even a client that reconnects the instant its connection is cut (as a reflector
 * re-opening its watch does).
 */
@Timeout(120)
class LoopbackProxyTest {
  private ServerSocket upstream;
  private final List<Socket> upstreamSockets = new CopyOnWriteArrayList<>();
  private Thread upstreamAcceptor;
  private LoopbackProxy proxy;

  @BeforeEach
  void startUpstreamAndProxy() throws IOException {
    upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    upstreamAcceptor = new Thread(() -> {
      while (true) {
        try {
          Socket s = upstream.accept();
          upstreamSockets.add(s);
          s.getOutputStream().write('>'); // a greeting, then silence: the connection stays open
        } catch (IOException e) {
          return;
        }
      }
    }, "upstream-accept");
    upstreamAcceptor.setDaemon(true);
    upstreamAcceptor.start();
    proxy = new LoopbackProxy(URI.create("http://127.0.0.1:" + upstream.getLocalPort()));
  }

  @AfterEach
  void close() throws Exception {
    proxy.close();
    upstream.close();
    upstreamAcceptor.join(5000);
    for (Socket s : upstreamSockets) {
      s.close();
    }
  }

  private InetSocketAddress proxyAddress() {
    URI u = URI.create(proxy.url());
    return new InetSocketAddress(u.getHost(), u.getPort());
  }

  @Test
  void aClientReconnectingTheMomentItIsCutFindsTheProxyDown() throws Exception {
    for (int round = 0; round < 300; round++) {
      Socket first = new Socket();
      first.connect(proxyAddress(), 5000);
      first.setSoTimeout(10_000);
      // the greeting came through: the proxy has registered this connection and pumps it
      assertThat(first.getInputStream().read()).isEqualTo('>');
      AtomicReference<Socket> second = new AtomicReference<>();
      Thread reconnector = new Thread(() -> {
        try (InputStream in = first.getInputStream()) {
          while (in.read() >= 0) {
            // nothing more comes; wait for the cut
          }
        } catch (IOException cut) {
          // reset instead of a clean end: same thing here
        }
        Socket s = new Socket();
        try {
          s.connect(proxyAddress(), 5000);
          second.set(s);
        } catch (IOException refused) {
          closeQuietly(s);
        }
      }, "reconnector");
      reconnector.start();
      int acceptedBefore = proxy.acceptedConnections();
      proxy.down();
      reconnector.join(10_000);
      assertThat(reconnector.isAlive()).isFalse();
      Socket s = second.get();
      if (s != null) {
        // the handshake may complete while the accept thread winds down; the proxy must drop it
        s.setSoTimeout(5000);
        try (InputStream in = s.getInputStream()) {
          assertThat(in.read()).as("round %d: a connection made after down() must be closed", round).isEqualTo(-1);
        } catch (SocketTimeoutException stillOpen) {
          throw new AssertionError("round " + round + ": a connection made after down() is still open", stillOpen);
        } catch (IOException reset) {
          // reset by the proxy: closed, as required
        }
      }
      assertThat(proxy.acceptedConnections()).as("nothing accepted while down").isEqualTo(acceptedBefore);
      closeQuietly(first);
      proxy.up();
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // closing only
    }
  }
}
