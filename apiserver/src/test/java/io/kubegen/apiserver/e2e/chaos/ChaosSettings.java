package io.kubegen.apiserver.e2e.chaos;

import io.kubegen.runtime.cache.FifoMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One chaos run: the seed of every random choice (writes, faults, the proxy's cuts), how many
 * writes, the informer's FIFO mode, and whether the informer talks TLS.
 */
record ChaosSettings(long seed, int ops, FifoMode fifo, boolean tls) {
  /** CI-sized runs: four seeds, each FIFO mode over plain HTTP and over TLS. */
  static final int CI_OPS = 500;
  /** The long run ({@code -Pchaos}): the CI runs' seeds and modes with 10,000 writes each, and a fifth seed. */
  static final int LONG_OPS = 10_000;

  /**
   * The runs to make: one when {@code kubegen.chaos.seed} is set (with {@code .ops}, {@code .fifo},
   * {@code .tls}), the long run when {@code kubegen.chaos=long}, else the CI-sized runs.
   */
  static List<ChaosSettings> fromSystemProperties() {
    String seed = System.getProperty("kubegen.chaos.seed");
    if (seed != null && !seed.isBlank()) {
      return List.of(new ChaosSettings(Long.parseLong(seed.trim()),
          Integer.getInteger("kubegen.chaos.ops", CI_OPS),
          FifoMode.valueOf(System.getProperty("kubegen.chaos.fifo", FifoMode.DELTA_FIFO.name())),
          Boolean.parseBoolean(System.getProperty("kubegen.chaos.tls", "false"))));
    }
    List<ChaosSettings> runs = new ArrayList<>();
    if ("long".equals(System.getProperty("kubegen.chaos"))) {
      for (ChaosSettings ci : ciRuns()) {
        runs.add(new ChaosSettings(ci.seed(), LONG_OPS, ci.fifo(), ci.tls()));
      }
      runs.add(new ChaosSettings(5, LONG_OPS, FifoMode.DELTA_FIFO, true));
      return runs;
    }
    return ciRuns();
  }

  private static List<ChaosSettings> ciRuns() {
    List<ChaosSettings> runs = new ArrayList<>();
    runs.add(new ChaosSettings(1, CI_OPS, FifoMode.DELTA_FIFO, false));
    runs.add(new ChaosSettings(2, CI_OPS, FifoMode.IN_ORDER, true));
    runs.add(new ChaosSettings(3, CI_OPS, FifoMode.DELTA_FIFO, true));
    runs.add(new ChaosSettings(4, CI_OPS, FifoMode.IN_ORDER, false));
    return runs;
  }

  /** The command that repeats this run alone. */
  String reproduce() {
    return "mvn -B -pl apiserver -am test -Dtest=InformerChaosTest -Dsurefire.failIfNoSpecifiedTests=false"
        + " -Dkubegen.chaos.seed=" + seed + " -Dkubegen.chaos.ops=" + ops + " -Dkubegen.chaos.fifo=" + fifo
        + " -Dkubegen.chaos.tls=" + tls;
  }

  @Override
  public String toString() {
    return "seed " + seed + ", " + ops + " ops, " + fifo + ", " + (tls ? "TLS" : "HTTP");
  }
}
