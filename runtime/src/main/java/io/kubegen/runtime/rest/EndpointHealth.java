package io.kubegen.runtime.rest;

import java.net.URI;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The API server endpoints of one client and how each fared. A client prefers one endpoint,
 * chosen at random when it is built (so many clients spread over the endpoints, as the go-etcd
 * client did). An endpoint that refuses, resets, stalls past a call's deadline or answers 503 is
 * unhealthy for a cool-down that starts at {@code cooldown} and doubles with each failure in a
 * row up to {@code maxCooldown}; while it lasts, calls go to the healthy endpoints first, in
 * order from the preferred one. Once the cool-down is over the endpoint is tried again in its
 * place, and an answer makes it healthy. When no healthy endpoint is left, the one whose
 * cool-down ends first is tried rather than none.
 *
 * <p>Thread-safe: every method is synchronized; the critical sections are a few array reads.
 */
final class EndpointHealth {
  private final List<URI> servers;
  private final int preferred;
  private final Duration cooldown;
  private final Duration maxCooldown;
  private final Ticker ticker;
  private final int[] failuresInARow;
  private final long[] unhealthyUntil;
  private final String[] lastFailure;

  EndpointHealth(List<URI> servers, Random random, Duration cooldown, Duration maxCooldown, Ticker ticker) {
    if (servers == null || servers.isEmpty()) {
      throw new IllegalArgumentException("the config names no API server");
    }
    this.servers = List.copyOf(servers);
    this.preferred = random.nextInt(this.servers.size());
    this.cooldown = Objects.requireNonNull(cooldown, "cooldown");
    this.maxCooldown = Objects.requireNonNull(maxCooldown, "maxCooldown");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.failuresInARow = new int[this.servers.size()];
    this.unhealthyUntil = new long[this.servers.size()];
    this.lastFailure = new String[this.servers.size()];
  }

  int size() { return servers.size(); }

  URI get(int index) { return servers.get(index); }

  /** The endpoint a new call goes to first. */
  synchronized int first() {
    return next(new BitSet());
  }

  /**
   * The endpoint for the next attempt of a call that has tried {@code tried} in its current
   * round: a healthy one not yet tried (in order from the preferred endpoint), else the untried
   * unhealthy one whose cool-down ends first; -1 when every endpoint was tried.
   */
  synchronized int next(BitSet tried) {
    long now = ticker.read();
    int n = servers.size();
    for (int k = 0; k < n; k++) {
      int i = (preferred + k) % n;
      if (!tried.get(i) && isHealthy(i, now)) {
        return i;
      }
    }
    int best = -1;
    for (int i = 0; i < n; i++) {
      if (!tried.get(i) && (best == -1 || unhealthyUntil[i] - unhealthyUntil[best] < 0)) {
        best = i;
      }
    }
    return best;
  }

  /** Whether {@code index} is out of its cool-down (or never failed). */
  synchronized boolean isHealthy(int index) {
    return isHealthy(index, ticker.read());
  }

  /** {@code index} answered: it is healthy again. */
  synchronized void answered(int index) {
    failuresInARow[index] = 0;
  }

  /** {@code index} failed as {@code failure} says: unhealthy for its next cool-down. */
  synchronized void failed(int index, String failure) {
    int inARow = ++failuresInARow[index];
    long pause = cooldown.toNanos();
    for (int i = 1; i < inARow && pause < maxCooldown.toNanos(); i++) {
      pause *= 2;
    }
    pause = Math.min(pause, maxCooldown.toNanos());
    unhealthyUntil[index] = ticker.read() + pause;
    lastFailure[index] = failure;
  }

  /** The last failure recorded for {@code index}, or null if it never failed. */
  synchronized String lastFailure(int index) {
    return lastFailure[index];
  }

  /** Every endpoint with its last failure, for the error of a call that failed on all of them. */
  synchronized String summary() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < servers.size(); i++) {
      if (i > 0) {
        b.append("; ");
      }
      b.append(describe(servers.get(i))).append(": ")
          .append(lastFailure[i] == null ? "no failure recorded" : lastFailure[i]);
    }
    return b.toString();
  }

  /** A server URL for messages: scheme, host, port and path, never user info. */
  static String describe(URI server) {
    if (server.getRawUserInfo() == null) {
      return server.toString();
    }
    return server.getScheme() + "://<redacted>@" + server.getHost() + (server.getPort() == -1 ? "" : ":" + server.getPort())
        + (server.getRawPath() == null ? "" : server.getRawPath());
  }

  private boolean isHealthy(int index, long now) {
    return failuresInARow[index] == 0 || now - unhealthyUntil[index] >= 0;
  }
}
