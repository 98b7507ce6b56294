package io.kubegen.benchmarks.apiserver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server under measurement running as its own JVM: started from a command line, found by the
 * {@code listening on <url>} line it prints (at most 30 s), its output drained on a daemon thread
 * (lines that report an error or exception are counted), its CPU time read from the OS, and
 * stopped on {@link #close()} or, failing that, when this JVM exits.
 */
final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final URI url;
  private final String requestThreadPrefix;
  private final AtomicInteger errorLines = new AtomicInteger();
  private final Thread killOnExit;

  /**
   * Starts {@code command} and waits until it prints where it listens.
   *
   * @param requestThreadPrefix how the names of the threads that serve requests begin (as Linux
   *     shows them: at most 15 characters), for {@link #requestThreadTicks()}
   */
  static ServerProcess start(List<String> command, String requestThreadPrefix) throws Exception {
    return new ServerProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), requestThreadPrefix);
  }

  /** A command line that runs {@code mainClass} in a JVM like this one, on this JVM's class path. */
  static List<String> javaCommand(String mainClass, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
        mainClass));
    command.addAll(List.of(args));
    return command;
  }

  /** The {@code java} launcher of the JVM running this harness. */
  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private ServerProcess(Process process, String requestThreadPrefix) throws Exception {
    this.process = process;
    this.requestThreadPrefix = requestThreadPrefix;
    killOnExit = new Thread(process::destroyForcibly, "kill-server-on-exit");
    Runtime.getRuntime().addShutdownHook(killOnExit);
    try {
      url = awaitUrl();
    } catch (Exception e) {
      close();
      throw e;
    }
  }

  URI url() {
    return url;
  }

  /** Lines of the server's output so far that mention an error or an exception. */
  int errorLines() {
    return errorLines.get();
  }

  private URI awaitUrl() throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<URI> found = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          int at = line.indexOf("listening on ");
          if (at >= 0) {
            found.complete(URI.create(line.substring(at + "listening on ".length()).trim()));
          } else if (line.contains("Exception") || line.contains("ERROR") || line.contains("SEVERE")) {
            if (errorLines.incrementAndGet() <= 5) {
              System.out.println("  server says: " + line);
            }
          }
        }
        found.completeExceptionally(new IllegalStateException("the server exited before it listened"));
      } catch (IOException e) {
        found.completeExceptionally(e);
      }
    }, "server-output");
    reader.setDaemon(true);
    reader.start();
    return found.get(30, TimeUnit.SECONDS);
  }

  /** CPU time the server process has used so far. */
  long cpuNanos() {
    return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  /**
   * CPU ticks (1/100 s) used so far by the server's threads whose names begin with the request
   * thread prefix, read from {@code /proc}; 0 off Linux.
   */
  long requestThreadTicks() {
    Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
    long ticks = 0;
    try (var threads = Files.list(tasks)) {
      for (Path t : (Iterable<Path>) threads::iterator) {
        try {
          if (!Files.readString(t.resolve("comm")).startsWith(requestThreadPrefix)) {
            continue;
          }
          String stat = Files.readString(t.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return ticks;
  }

  /** Stops the server: politely, then after 10 s by force. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException e) {
      // the JVM is already exiting; the hook runs and finds the process gone
    }
  }
}
