package io.kubegen.apiserver.e2e.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chaos suite: a shared informer reaches the embedded API server only through a
 * {@link io.kubegen.runtime.testserver.FaultProxy} that drops watches and connections, refuses,
 * resets, black-holes, answers 503 (with and without {@code Retry-After}), truncates responses
 * and holds re-watches back, while the server compacts its history (forcing relists) and sends
 * bookmarks, and a seeded writer makes random creates, updates and deletes across namespaces
 * (see {@link ChaosRun}). Once the faults stop:
 *
 * <ul>
 *   <li>the informer's store equals the server's list: keys, resourceVersions and content;</li>
 *   <li>each handler's view, built only from its notifications, equals it too, and no handler got
 *       a notification that breaks client-go's contract (a second add, an update or delete of an
 *       object it does not have, a stale old object, a resourceVersion going backwards);</li>
 *   <li>the informer reports itself running and synced with no error, and it reported errors to
 *       its {@code WatchErrorHandler} while the faults lasted;</li>
 *   <li>during outages the reflector's calls per second stay bounded (the figures say the most);</li>
 *   <li>after {@code stop()} no thread of the informer or the proxy is left.</li>
 * </ul>
 *
 * <p>By default four CI-sized runs (both FIFO modes, HTTP and TLS); {@code -Pchaos} makes the long
 * run; {@code -Dkubegen.chaos.seed=N} repeats one run, as the failure message says.
 * {@code kubegen.chaos.repeat=N} makes every run N times in a row; {@code kubegen.chaos.report}
 * names a file to which each run appends its figures.
 */
class InformerChaosTest {
  /** Backoff from 100 ms: far fewer calls than this in any second means the reflector does not spin. */
  private static final int MAX_REFLECTOR_CALLS_PER_SECOND = 20;
  /** The REST client's own retries included: a client that hammers a failing server makes hundreds. */
  private static final int MAX_PROXY_ATTEMPTS_PER_SECOND = 50;

  /** The runs, all of them {@code kubegen.chaos.repeat} times over (default once). */
  static Stream<ChaosSettings> runs() {
    List<ChaosSettings> runs = ChaosSettings.fromSystemProperties();
    return IntStream.range(0, Integer.getInteger("kubegen.chaos.repeat", 1)).boxed().flatMap(i -> runs.stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  @Timeout(900)
  void informerConvergesAndNotifiesExactlyThroughFaults(ChaosSettings settings) throws IOException {
    String context = settings + "; repeat with: " + settings.reproduce();
    ChaosResult result;
    List<String> threadsLeft;
    try (ChaosRun run = new ChaosRun(settings)) {
      result = run.execute();
      report(result);
      assertThat(result.difference()).as(context).isNull();
      assertThat(result.violations()).as(context).isEmpty();
      assertThat(run.healthy()).as(context + "; " + run.health()).isTrue();
      threadsLeft = run.stop();
    }
    assertThat(threadsLeft).as(context + ": informer threads alive 10 s after stop()").isEmpty();
    assertThat(result.watchErrors()).as(context + ": errors reported while faults lasted").isPositive();
    assertThat(result.maxCallsPerSecond()).as(context + ": reflector calls in one second of an outage")
        .isLessThanOrEqualTo(MAX_REFLECTOR_CALLS_PER_SECOND);
    assertThat(result.maxAttemptsPerSecond()).as(context + ": connections and requests in one second of an outage")
        .isLessThanOrEqualTo(MAX_PROXY_ATTEMPTS_PER_SECOND);
  }

  private static void report(ChaosResult result) throws IOException {
    String line = result.summary();
    System.out.println("chaos: " + line);
    String file = System.getProperty("kubegen.chaos.report");
    if (file != null && !file.isBlank()) {
      Path path = Path.of(file);
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      Files.writeString(path, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }
}
