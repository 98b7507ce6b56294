package io.kubegen.benchmarks.apiserver;

import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * fabric8's mock API server in CRUD mode, built exactly as its JUnit extension builds it for
 * {@code @EnableKubernetesMockClient(crud = true)} (plain HTTP), run as a process of its own so
 * {@link ApiServerBenchmark} measures it the way it measures kubegen's server. Prints {@code
 * listening on http://127.0.0.1:<port>} and serves until it is killed or its standard input
 * closes (so it never outlives the harness that started it).
 *
 * <p>The mock web server logs every request at INFO through {@code java.util.logging}; that is
 * turned down to WARNING so the figures are the server's, not its console's.
 */
public final class Fabric8MockServerMain {
  /** Held so the level set on it stays: java.util.logging keeps loggers only weakly. */
  private static final Logger MOCK_WEB_SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

  private Fabric8MockServerMain() {}

  /** Arguments: {@code [port]} (0, the default, picks a free one). */
  @SuppressWarnings("deprecation")  // Serialization.jsonMapper(): the mapper fabric8's own extension passes
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    MOCK_WEB_SERVER_LOG.setLevel(Level.WARNING);
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubernetesMockServer server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(),
        responses, new KubernetesMixedDispatcher(responses), false);
    server.init(InetAddress.getLoopbackAddress(), port);
    System.out.println("fabric8 mock server (CRUD) listening on http://127.0.0.1:" + server.getPort());
    System.out.flush();
    try {
      while (System.in.read() >= 0) {
        // serve until standard input ends
      }
    } catch (IOException e) {
      // standard input is gone: stop as well
    }
    server.destroy();
    System.exit(0);
  }
}
