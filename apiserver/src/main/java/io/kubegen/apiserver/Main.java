package io.kubegen.apiserver;

import io.kubegen.apiserver.storage.EtcdStorage;
import io.kubegen.apiserver.storage.StorageException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone server: {@code java -jar kubegen-apiserver.jar [--port N] [--kubeconfig FILE]
 * [--https] [--token TOKEN] [--etcd http://host:port[,...] [--etcd-prefix /registry]]}. Prints
 * where it listens and runs until interrupted (Ctrl-C). With {@code --etcd} objects live in etcd
 * (several servers may share it); without, in memory.
 */
public final class Main {
  private Main() {}

  /** Runs the server until the JVM is asked to stop. */
  public static void main(String[] args) throws InterruptedException {
    EmbeddedApiServer.Builder builder = EmbeddedApiServer.builder().port(8080);
    Path kubeconfig = null;
    String etcd = null;
    String etcdPrefix = "/registry";
    PrintStream out = System.out;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--port" -> builder.port(Integer.parseInt(value(args, ++i, "--port")));
          case "--kubeconfig" -> kubeconfig = Path.of(value(args, ++i, "--kubeconfig"));
          case "--https" -> builder.https(true);
          case "--token" -> builder.bearerToken(value(args, ++i, "--token"));
          case "--etcd" -> etcd = value(args, ++i, "--etcd");
          case "--etcd-prefix" -> etcdPrefix = value(args, ++i, "--etcd-prefix");
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
    EmbeddedApiServer server;
    try {
      if (etcd != null) {
        builder.storage(EtcdStorage.builder().endpoints(etcd).prefix(etcdPrefix).connect());
      }
      server = builder.build().start();
    } catch (IllegalArgumentException | StorageException e) {
      System.err.println("kubegen-apiserver: " + e.getMessage());
      System.exit(etcd != null && e instanceof StorageException ? 1 : 2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      System.out.println("kubegen API server stopped");
      stopped.countDown();
    }, "kubegen-apiserver-shutdown"));
    out.println("kubegen API server listening on " + server.url());
    if (etcd != null) {
      out.println("storage: etcd at " + etcd + " under " + etcdPrefix);
    }
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
        + " [--https] [--token TOKEN] [--etcd http://host:port[,http://host:port...]] [--etcd-prefix PREFIX (default /registry)]";
  }
}
