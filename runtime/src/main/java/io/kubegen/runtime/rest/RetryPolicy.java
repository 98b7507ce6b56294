package io.kubegen.runtime.rest;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a call is sent again, after how long, and whether it moves to another endpoint; the rules
 * of client-go's {@code rest.Request} and {@code withRetry}, plus failover between endpoints
 * (see the package documentation for the whole policy). Immutable and thread-safe.
 */
final class RetryPolicy {
  /**
   * Verbs sent again after the connection broke once the request was out. client-go resends only
   * GET ({@code IsConnectionReset || IsProbableEOF}); Go's HTTP transport also replays HEAD,
   * OPTIONS and TRACE on a broken reused connection. PUT and DELETE are idempotent by the HTTP
   * specification, but neither client resends them: a DELETE that had succeeded answers 404 the
   * second time, a PUT without a resourceVersion may overwrite a write made in between.
   */
  private static final Set<String> RESENT_AFTER_SENDING = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  /** The longest {@code Retry-After} honoured; longer asks are cut to it. */
  private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

  private final Backoff backoff;

  RetryPolicy(Backoff backoff) {
    this.backoff = Objects.requireNonNull(backoff, "backoff");
  }

  /** The most attempts one call makes, over all endpoints. */
  int maxAttempts() { return backoff.steps(); }

  /** The wait before round {@code round + 1}, after every endpoint failed {@code round + 1} times. */
  Duration backoffAfterRound(int round) { return backoff.jitteredDelayBeforeRetry(round); }

  /** Whether a call of {@code verb} may be sent again after a failure of {@code kind}. */
  static boolean mayResend(String verb, TransportFailure kind) {
    return switch (kind) {
      case NOT_SENT -> true;
      case BROKEN_AFTER_SENDING -> RESENT_AFTER_SENDING.contains(verb);
      case TLS_REJECTED -> false;
    };
  }

  /**
   * The wait a retriable answer asks for: 429 or any 5xx with a {@code Retry-After} header is
   * sent again after that long, for every verb (the server says it did not act on it). Empty for
   * every other answer: without {@code Retry-After} a 5xx is not sent to the same endpoint again.
   */
  static Optional<Duration> retryAfter(HttpResponse<?> response) {
    int code = response.statusCode();
    if (code != 429 && code < 500) {
      return Optional.empty();
    }
    return response.headers().firstValue("Retry-After").flatMap(RetryPolicy::parseRetryAfter);
  }

  /** Whether an answer marks its endpoint unhealthy, so the call moves on to the next one: 503. */
  static boolean marksEndpointUnhealthy(int code) {
    return code == 503;
  }

  /** A {@code Retry-After} value in seconds or as an HTTP date; empty when it is neither. */
  static Optional<Duration> parseRetryAfter(String value) {
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.min(seconds, MAX_RETRY_AFTER.getSeconds())));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return Optional.of(d.isNegative() ? Duration.ZERO : d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
      } catch (RuntimeException notADate) {
        return Optional.empty();
      }
    }
  }
}
