package io.kubegen.apiserver;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone server: {@code java -jar kubegen-apiserver.jar [--port N] [--kubeconfig FILE]
 * [--https] [--token TOKEN]}. Prints where it listens and runs until interrupted (Ctrl-C).
 */
public final class Main {
  private Main() {}

  /** Runs the server until the JVM is asked to stop. */
  public static void main(String[] args) throws InterruptedException {
    EmbeddedApiServer.Builder builder = EmbeddedApiServer.builder().port(8080);
    Path kubeconfig = null;
    PrintStream out = System.out;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--port" -> builder.port(Integer.parseInt(value(args, ++i, "--port")));
          case "--kubeconfig" -> kubeconfig = Path.of(value(args, ++i, "--kubeconfig"));
          case "--https" -> builder.https(true);
          case "--token" -> builder.bearerToken(value(args, ++i, "--token"));
          case "--help", "-h" -> {
            out.println(usage());
            return;
          }
          default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println("kubegen-apiserver: " + e.getMessage());
      System.err.println(usage());
      System.exit(2);
      return;
    }
    EmbeddedApiServer server = builder.build().start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      System.out.println("kubegen API server stopped");
      stopped.countDown();
    }, "kubegen-apiserver-shutdown"));
    out.println("kubegen API server listening on " + server.url());
    if (kubeconfig != null) {
      server.writeKubeconfig(kubeconfig);
      out.println("kubeconfig written to " + kubeconfig.toAbsolutePath()
          + "; try: kubectl --kubeconfig " + kubeconfig + " get namespaces");
    }
    out.flush();
    stopped.await();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static String usage() {
    return "usage: java -jar kubegen-apiserver.jar [--port N (default 8080, 0 = any free)] [--kubeconfig FILE]"
        + " [--https] [--token TOKEN]";
  }
}
