package io.kubegen.apiserver.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away, single-member etcd for tests and demos: the {@code etcd} binary found on the
 * {@code PATH} (Debian's {@code etcd-server} package), started on loopback on free ports with a
 * private data directory (in {@code /dev/shm} where it can, so writes do not wait for a disk),
 * progress notifications every 200 ms (so watches get bookmarks), and its output in a log file
 * that start-up errors quote. {@link #stop()} and {@link #restart()} keep the data;
 * {@link #close()} removes it.
 *
 * <p>Not thread-safe: one thread starts, stops and closes it.
 */
public final class LocalEtcd implements AutoCloseable {
  private static final long START_TIMEOUT_MILLIS = 20_000;

  private final Path binary;
  private final Path dataDir;
  private final Path log;
  private final int clientPort;
  private final int peerPort;
  private Process process;

  private LocalEtcd(Path binary, Path dataDir, int clientPort, int peerPort) {
    this.binary = binary;
    this.dataDir = dataDir;
    this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
    this.clientPort = clientPort;
    this.peerPort = peerPort;
  }

  /** The etcd binary on the {@code PATH} (or {@code /usr/bin/etcd}), if there is one. */
  public static Optional<Path> binary() {
    List<Path> candidates = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        if (!dir.isEmpty()) {
          candidates.add(Path.of(dir, "etcd"));
        }
      }
    }
    candidates.add(Path.of("/usr/bin/etcd"));
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /**
   * Starts an etcd and waits until it serves.
   *
   * @throws IllegalStateException when there is no etcd binary (install Debian's
   *     {@code etcd-server}) or it does not start; the message quotes its log
   */
  public static LocalEtcd start() {
    Path binary = binary().orElseThrow(() -> new IllegalStateException(
        "no etcd binary on the PATH; install one (Debian: apt-get install etcd-server)"));
    try {
      Path base = Files.isDirectory(Path.of("/dev/shm")) && Files.isWritable(Path.of("/dev/shm"))
          ? Path.of("/dev/shm") : Path.of(System.getProperty("java.io.tmpdir"));
      Path dir = Files.createTempDirectory(base, "kubegen-etcd-");
      LocalEtcd etcd = new LocalEtcd(binary, dir, freePort(), freePort());
      etcd.launch();
      return etcd;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare a data directory for etcd", e);
    }
  }

  /** The client URL, such as {@code http://127.0.0.1:40123}. */
  public URI endpoint() { return URI.create("http://127.0.0.1:" + clientPort); }

  /** Whether the process runs. */
  public boolean isRunning() { return process != null && process.isAlive(); }

  /** Stops the process (SIGTERM, then SIGKILL after 10 s), keeping the data. */
  public void stop() {
    Process p = process;
    process = null;
    if (p == null) {
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
    }
  }

  /** Starts the process again on the same ports and data. */
  public void restart() {
    stop();
    launch();
  }

  /** Freezes the process (SIGSTOP): it keeps its sockets but answers nothing. */
  public void pause() { signal("STOP"); }

  /** Lets a frozen process go on (SIGCONT). */
  public void resume() { signal("CONT"); }

  private void signal(String name) {
    if (process == null) {
      throw new IllegalStateException("etcd is not running");
    }
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling etcd", e);
    }
  }

  /** Stops the process and removes its data. */
  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // best effort: a temp directory left behind is harmless
    }
  }

  private void launch() {
    String peer = "http://127.0.0.1:" + peerPort;
    List<String> command = List.of(binary.toString(),
        "--name", "kubegen",
        "--data-dir", dataDir.toString(),
        "--listen-client-urls", endpoint().toString(),
        "--advertise-client-urls", endpoint().toString(),
        "--listen-peer-urls", peer,
        "--initial-advertise-peer-urls", peer,
        "--initial-cluster", "kubegen=" + peer,
        "--experimental-watch-progress-notify-interval", "200ms",
        "--logger", "zap",
        "--log-level", "warn");
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + binary, e);
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
    while (!serves()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String why = process.isAlive() ? "did not serve within " + START_TIMEOUT_MILLIS + " ms" : "exited with " + process.exitValue();
        stop();
        throw new IllegalStateException("etcd " + why + "; its log:\n" + logTail());
      }
      try {
        process.waitFor(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop();
        throw new IllegalStateException("interrupted while starting etcd", e);
      }
    }
  }

  /** Whether etcd answers its health check. */
  private boolean serves() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", clientPort), 200);
      s.setSoTimeout(1000);
      s.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      return answer.startsWith("HTTP/1.1 200") && answer.contains("\"health\":\"true\"");
    } catch (IOException e) {
      return false;
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public String toString() { return "LocalEtcd{" + endpoint() + " " + dataDir + "}"; }
}
