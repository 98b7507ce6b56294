package io.kubegen.runtime.rest;

import java.net.ConnectException;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transport failures injected on purpose, as the kubelet's {@code --chaos-chance} did: before an
 * attempt is sent, with the configured probability, the attempt fails as a connection that could
 * not be made. The client then handles it as it handles a real one (retry, backoff, the error
 * once the retries are spent), so a controller can be tested against an unreliable API server.
 * Injected failures do not mark endpoints unhealthy.
 *
 * <p>The decisions come from one {@link Random} seeded with the configured seed, so one thread
 * making the same calls sees the same failures on every run (threads sharing a client draw from
 * it in the order they get there). Thread-safe.
 */
final class Chaos {
  private static final Logger LOG = LoggerFactory.getLogger(Chaos.class);
  static final Chaos OFF = new Chaos(0, 0);

  private final double probability;
  private final long seed;
  private final Random random;

  private Chaos(double probability, long seed) {
    this.probability = probability;
    this.seed = seed;
    this.random = new Random(seed);
  }

  /** Chaos at {@code probability} (0 turns it off) drawn from {@code seed}; logs once at WARN when on. */
  static Chaos of(double probability, long seed) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("chaos probability must be between 0 and 1: " + probability);
    }
    if (probability == 0) {
      return OFF;
    }
    LOG.warn("chaos is on: {} % of the attempts to reach the API server fail on purpose before they are sent (seed {})",
        probability * 100, seed);
    return new Chaos(probability, seed);
  }

  boolean isOn() { return probability > 0; }

  /** Fails this attempt on purpose, or returns. */
  void beforeSending() throws InjectedFailure {
    if (probability > 0 && random.nextDouble() < probability) {
      throw new InjectedFailure("connection failure injected by chaos (probability " + probability
          + ", seed " + seed + ")");
    }
  }

  /** A connection failure that chaos made up; classified like a refused connection. */
  static final class InjectedFailure extends ConnectException {
    private static final long serialVersionUID = 1L;

    InjectedFailure(String message) { super(message); }
  }
}
