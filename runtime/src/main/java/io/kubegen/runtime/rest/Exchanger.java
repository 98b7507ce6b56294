package io.kubegen.runtime.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.BitSet;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the attempts of one call: takes a rate-limiter permit for each within the call's deadline,
 * picks the endpoint from {@link EndpointHealth}, sends, and decides from the outcome, by the
 * {@link RetryPolicy}, whether to move on to another endpoint at once, wait and try again, or
 * end the call. The package documentation states the policy. Thread-safe: one per client, any
 * number of calls at once; each call's state lives on its own thread.
 */
final class Exchanger {
  private static final Logger LOG = LoggerFactory.getLogger(RestClient.class);
  private static final long NO_DEADLINE = Long.MAX_VALUE;

  private final HttpClient http;
  private final EndpointHealth endpoints;
  private final RateLimiter rateLimiter;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Ticker ticker;
  private final Chaos chaos;
  private final Credentials credentials;
  private final BiFunction<Request, URI, HttpRequest> requests;

  /** The credentials side of the client: whether it sends any, and how to refresh them after a 401. */
  interface Credentials {
    /** Whether a call to {@code server} carries credentials that a refresh could renew. */
    boolean present(URI server);

    void refresh();
  }

  /**
   * The final answer of a call and, when attempts failed before it, what they ran into
   * ({@code ""} otherwise), for the message of an error built from the answer.
   */
  record Answer<R>(HttpResponse<R> response, String failuresBefore) {}

  Exchanger(HttpClient http, EndpointHealth endpoints, RateLimiter rateLimiter, RetryPolicy policy, Sleeper sleeper,
      Ticker ticker, Chaos chaos, Credentials credentials, BiFunction<Request, URI, HttpRequest> requests) {
    this.http = Objects.requireNonNull(http, "http");
    this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.chaos = Objects.requireNonNull(chaos, "chaos");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.requests = Objects.requireNonNull(requests, "requests");
  }

  EndpointHealth endpoints() { return endpoints; }

  Ticker ticker() { return ticker; }

  /**
   * Sends {@code request} until it gets an answer worth returning (2xx or an error the policy
   * does not retry), within {@code timeout} (null for none), counted from now and including the
   * waits for the rate limiter and between attempts.
   *
   * @throws KubeClientException when the call ends without such an answer
   */
  <R> Answer<R> exchange(Request request, HttpResponse.BodyHandler<R> handler, Duration timeout) {
    Held<R> unavailable = new Held<>();
    try {
      return attempts(request, handler, timeout, unavailable);
    } catch (RuntimeException e) {
      unavailable.discard();
      throw e;
    }
  }

  /**
   * The attempts of one call; {@code held} keeps the last 503 answer, returned when the call
   * ends on a transport failure after it.
   */
  private <R> Answer<R> attempts(Request request, HttpResponse.BodyHandler<R> handler, Duration timeout,
      Held<R> held) {
    long deadline = timeout == null ? NO_DEADLINE : ticker.read() + timeout.toNanos();
    AttemptLog log = new AttemptLog(endpoints.size() > 1);
    BitSet triedThisRound = new BitSet();
    BitSet refusedByServer = new BitSet();
    int rounds = 0;
    boolean refreshed = false;
    while (true) {
      takePermit(request.toString(), deadline, log);
      int index = endpoints.next(or(triedThisRound, refusedByServer));
      if (index < 0) {
        triedThisRound.clear();
        index = endpoints.next(refusedByServer);
        if (index < 0) {
          return giveUp(held, log, request + ": every endpoint refused the call" + history(log), null);
        }
      }
      URI server = endpoints.get(index);
      HttpRequest httpRequest = requests.apply(request, server);
      String context = RestClient.describe(request, httpRequest.uri());
      triedThisRound.set(index);
      log.attempt();
      HttpResponse<R> response;
      try {
        chaos.beforeSending();
        response = send(httpRequest, handler, deadline, context, log);
      } catch (TimeoutException e) {
        String failure = "no answer within the call's deadline of " + timeout.toMillis() + " ms";
        endpoints.failed(index, failure);
        throw log.giveUp(context + ": timed out: " + failure + history(log), e);
      } catch (IOException e) {
        TransportFailure kind = TransportFailure.of(e);
        if (kind == TransportFailure.TLS_REJECTED) {
          throw log.giveUp(context + ": " + TransportFailure.describeTlsRejection(e) + history(log), e);
        }
        String failure = describe(kind, e);
        if (!(e instanceof Chaos.InjectedFailure)) {
          endpoints.failed(index, failure);
        }
        String before = history(log);
        log.failed(server, failure, e);
        if (!RetryPolicy.mayResend(request.verb(), kind)) {
          return giveUp(held, log, context + ": " + failure + " (a " + request.verb()
              + " is not sent again once it may have reached the server)" + before, e);
        }
        if (log.attempts() >= policy.maxAttempts()) {
          return giveUp(held, log, context + ": " + failure + " (after " + log.attempts() + " attempts)" + before, e);
        }
        int next = endpoints.next(or(triedThisRound, refusedByServer));
        if (next >= 0) {
          LOG.warn("{}: {}; trying {} at once (attempt {} of {})", context, failure,
              EndpointHealth.describe(endpoints.get(next)), log.attempts() + 1, policy.maxAttempts());
          continue;
        }
        triedThisRound.clear();
        if (endpoints.next(refusedByServer) < 0) {
          return giveUp(held, log, context + ": " + failure + before, e);
        }
        Duration wait = policy.backoffAfterRound(rounds++);
        if (!fits(wait, deadline)) {
          return giveUp(held, log, context + ": " + failure + "; timed out: the next attempt would come after the"
              + " call's deadline (after " + log.attempts() + " attempts)" + before, e);
        }
        LOG.warn("{}: {}; retry {} of {} in {} ms", context, failure, log.attempts(), policy.maxAttempts() - 1,
            wait.toMillis());
        pause(wait, context, log);
        continue;
      }

      int code = response.statusCode();
      if (code == 401 && !refreshed && credentials.present(server)) {
        refreshed = true;
        triedThisRound.clear();
        discard(response);
        LOG.info("{}: 401 Unauthorized; refreshing credentials and retrying once", context);
        credentials.refresh();
        continue;
      }
      boolean unavailable = RetryPolicy.marksEndpointUnhealthy(code);
      Optional<Duration> retryAfter = RetryPolicy.retryAfter(response);
      if (!unavailable) {
        endpoints.answered(index);
        if (retryAfter.isEmpty() || code < 300) {
          held.replaceWith(null);
          LOG.debug("{}: {}", context, code);
          return new Answer<>(response, history(log));
        }
      }
      String failure = "answered " + code + " " + KubeApiException.reasonForCode(code)
          + retryAfter.map(d -> " with Retry-After " + d.toSeconds() + " s").orElse("");
      if (unavailable) {
        endpoints.failed(index, failure);
        if (retryAfter.isEmpty()) {
          refusedByServer.set(index);
        }
      }
      String before = history(log);
      log.failed(server, failure, null);
      if (log.attempts() >= policy.maxAttempts()) {
        held.keepOnly(response);
        return new Answer<>(response, " (after " + log.attempts() + " attempts)" + before);
      }
      if (unavailable) {
        held.replaceWith(response);
        int next = endpoints.next(or(triedThisRound, refusedByServer));
        if (next >= 0) {
          LOG.warn("{}: {}; trying {} at once (attempt {} of {})", context, failure,
              EndpointHealth.describe(endpoints.get(next)), log.attempts() + 1, policy.maxAttempts());
          continue;
        }
        if (retryAfter.isEmpty()) {
          // every endpoint left refused in this call, and none asked to be asked again
          held.keepOnly(response);
          return new Answer<>(response, before);
        }
      }
      Duration wait = retryAfter.get();
      if (!fits(wait, deadline)) {
        held.keepOnly(response);
        return new Answer<>(response, "; not retried: the " + wait.toSeconds()
            + " s the server asked to wait would pass the call's deadline" + before);
      }
      LOG.warn("{}: server {}; retry {} of {} in {} ms", context, failure, log.attempts(), policy.maxAttempts() - 1,
          wait.toMillis());
      if (response != held.response) {
        discard(response);
      }
      triedThisRound.clear();
      pause(wait, context, log);
    }
  }

  /** Ends a call after a transport failure: an earlier 503 answer if there was one, else the error. */
  private <R> Answer<R> giveUp(Held<R> held, AttemptLog log, String message, Throwable cause) {
    HttpResponse<R> unavailable = held.response;
    if (unavailable != null) {
      held.keepOnly(unavailable);
      return new Answer<>(unavailable, history(log));
    }
    throw log.giveUp(message, cause);
  }

  /** The last 503 answer of a call, kept until a better outcome replaces it; its connection is released then. */
  private static final class Held<R> {
    HttpResponse<R> response;

    /** Keeps {@code next} (may be null) instead, releasing the one held before. */
    void replaceWith(HttpResponse<R> next) {
      if (response != null && response != next) {
        Exchanger.discard(response);
      }
      response = next;
    }

    /** Releases the held answer unless it is {@code returned}, which the caller hands on. */
    void keepOnly(HttpResponse<R> returned) {
      if (response != null && response != returned) {
        Exchanger.discard(response);
      }
      response = null;
    }

    void discard() {
      replaceWith(null);
    }
  }

  private void takePermit(String call, long deadline, AttemptLog log) {
    Duration maxWait = deadline == NO_DEADLINE ? null : Duration.ofNanos(Math.max(0, deadline - ticker.read()));
    boolean granted;
    try {
      granted = rateLimiter.tryAcquire(maxWait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw log.giveUp(call + ": interrupted while waiting for the rate limiter" + history(log), e);
    }
    if (!granted) {
      throw log.giveUp(call + ": timed out: the client-side rate limiter grants no permit within the "
          + maxWait.toMillis() + " ms left before the call's deadline" + history(log), null);
    }
  }

  private <R> HttpResponse<R> send(HttpRequest request, HttpResponse.BodyHandler<R> handler, long deadline,
      String context, AttemptLog log) throws IOException, TimeoutException {
    CompletableFuture<HttpResponse<R>> future = http.sendAsync(request, handler);
    try {
      if (deadline == NO_DEADLINE) {
        return future.get();
      }
      return future.get(Math.max(0, deadline - ticker.read()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw e;
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw log.giveUp(context + ": interrupted" + history(log), e);
    } catch (CancellationException e) {
      throw log.giveUp(context + ": cancelled" + history(log), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw log.giveUp(context + ": " + cause + history(log), cause);
    }
  }

  private void pause(Duration wait, String context, AttemptLog log) {
    if (wait.isZero() || wait.isNegative()) {
      return;
    }
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw log.giveUp(context + ": interrupted while waiting to retry" + history(log), e);
    }
  }

  private boolean fits(Duration wait, long deadline) {
    return deadline == NO_DEADLINE || deadline - ticker.read() - wait.toNanos() >= 0;
  }

  /**
   * What came before, for the message that ends a call: with several endpoints each one with its
   * last failure, else the failures of this call's earlier attempts; "" when nothing failed.
   */
  private String history(AttemptLog log) {
    if (!log.hasFailures()) {
      return "";
    }
    return endpoints.size() > 1 ? "; endpoints: " + endpoints.summary() : "; earlier attempts: " + log.failuresSoFar();
  }

  private static String describe(TransportFailure kind, IOException e) {
    String what = switch (kind) {
      case NOT_SENT -> "connection failed";
      case BROKEN_AFTER_SENDING -> "connection broke after the request was sent";
      case TLS_REJECTED -> "TLS handshake failed";
    };
    return what + ": " + TransportFailure.rootMessage(e);
  }

  private static BitSet or(BitSet a, BitSet b) {
    BitSet c = (BitSet) a.clone();
    c.or(b);
    return c;
  }

  static void discard(HttpResponse<?> response) {
    if (response.body() instanceof InputStream in) {
      try {
        in.close();
      } catch (IOException ignored) {
        // the connection is dropped either way
      }
    }
  }
}
