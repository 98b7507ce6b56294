package io.kubegen.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The standalone entry point in its own JVM: prints where it listens, serves, stops on SIGTERM. */
@Timeout(60)
class MainTest {
  @TempDir
  Path dir;

  private static Process java(String... args) throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(javaBin, "-cp",
        System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(java.util.List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  private static BlockingQueue<String> lines(Process p) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          lines.add(line);
        }
      } catch (java.io.IOException e) {
        lines.add("read failed: " + e);
      }
    }, "main-test-output");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  private static String await(BlockingQueue<String> lines, String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    StringBuilder seen = new StringBuilder();
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null && line.contains(text)) {
        return line;
      }
      if (line != null) {
        seen.append('\n').append(line);
      }
    }
    throw new AssertionError("no output line with \"" + text + "\" within 30 s; output:" + seen);
  }

  @Test
  void printsWhereItListensServesAndStopsCleanly() throws Exception {
    Path kubeconfig = dir.resolve("out.yaml");
    Process p = java("--port", "0", "--kubeconfig", kubeconfig.toString());
    try {
      BlockingQueue<String> lines = lines(p);
      String listening = await(lines, "kubegen API server listening on ");
      URI url = URI.create(listening.substring(listening.indexOf("http")).trim());
      await(lines, "kubeconfig written to");
      assertThat(Files.readString(kubeconfig)).contains("server: \"" + url + "\"");
      assertThat(new Http(url).get("/api/v1/namespaces/default").code()).isEqualTo(200);
      assertThat(p.toHandle().destroy()).isTrue(); // SIGTERM, and unlike Process.destroy() keeps the output readable
      await(lines, "kubegen API server stopped");
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void anUnreachableEtcdStopsStartUpWithTheReason() throws Exception {
    int unused;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      unused = s.getLocalPort();
    }
    Process p = java("--port", "0", "--etcd", "http://127.0.0.1:" + unused);
    BlockingQueue<String> lines = lines(p);
    String why = await(lines, "kubegen-apiserver: cannot reach etcd at [http://127.0.0.1:" + unused + "]");
    assertThat(why).contains("within 10000 ms");
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(1);
  }

  @Test
  void anEtcdEndpointThatIsNotPlainHttpIsAUsageError() throws Exception {
    Process p = java("--etcd", "https://127.0.0.1:2379");
    BlockingQueue<String> lines = lines(p);
    await(lines, "TLS to etcd is not supported");
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
  }

  @Test
  void badArgumentsExplainUsage() throws Exception {
    Process p = java("--port", "nope");
    BlockingQueue<String> lines = lines(p);
    await(lines, "usage: java -jar kubegen-apiserver.jar");
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
  }
}
