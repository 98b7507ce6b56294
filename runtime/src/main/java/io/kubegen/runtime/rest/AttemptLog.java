package io.kubegen.runtime.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What the attempts of one call ran into, so the error that ends the call can say what came
 * before it (a timeout after two refused connections says so) and keep those failures as
 * suppressed exceptions. Belongs to the one thread running the call.
 */
final class AttemptLog {
  private static final int MAX_SUPPRESSED = 5;

  private final List<String> failures = new ArrayList<>();
  private final List<Throwable> causes = new ArrayList<>();
  private final boolean severalEndpoints;
  private int attempts;

  AttemptLog(boolean severalEndpoints) {
    this.severalEndpoints = severalEndpoints;
  }

  /** One more attempt is being made. */
  void attempt() {
    attempts++;
  }

  int attempts() { return attempts; }

  /** The current attempt to {@code server} failed as {@code failure} says; {@code cause} may be null. */
  void failed(URI server, String failure, Throwable cause) {
    failures.add(severalEndpoints ? EndpointHealth.describe(server) + ": " + failure : failure);
    if (cause != null && causes.size() < MAX_SUPPRESSED) {
      causes.add(cause);
    }
  }

  /** Whether any attempt failed. */
  boolean hasFailures() { return !failures.isEmpty(); }

  /**
   * The failures so far, consecutive repeats folded ({@code "connection refused (3 times)"});
   * "" when there were none.
   */
  String failuresSoFar() {
    if (failures.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < failures.size()) {
      int j = i;
      while (j + 1 < failures.size() && failures.get(j + 1).equals(failures.get(i))) {
        j++;
      }
      if (b.length() > 0) {
        b.append("; ");
      }
      b.append(failures.get(i));
      if (j > i) {
        b.append(" (").append(j - i + 1).append(" times)");
      }
      i = j + 1;
    }
    return b.toString();
  }

  /** The exception that ends the call: {@code message}, {@code cause}, and the earlier failures suppressed. */
  KubeClientException giveUp(String message, Throwable cause) {
    KubeClientException e = new KubeClientException(message, cause);
    for (Throwable earlier : causes) {
      if (earlier != cause) {
        e.addSuppressed(earlier);
      }
    }
    return e;
  }
}
