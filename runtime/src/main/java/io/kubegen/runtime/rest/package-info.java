/**
 * The HTTP client of the Kubernetes API: {@link io.kubegen.runtime.rest.RestClient} with its
 * fluent {@link io.kubegen.runtime.rest.Request}, the typed
 * {@link io.kubegen.runtime.rest.ResourceClient}, errors
 * ({@link io.kubegen.runtime.rest.KubeApiException} for answers,
 * {@link io.kubegen.runtime.rest.KubeClientException} for everything else) and
 * {@link io.kubegen.runtime.rest.RetryOnConflict}.
 *
 * <h2>Retries</h2>
 *
 * A call makes at most {@code Backoff.steps()} attempts (11 by default), over all endpoints, all
 * within its deadline ({@code Request.timeout}, else {@code RestConfig.requestTimeout()}; none
 * when both are unset). The deadline also covers the wait for the rate limiter and the waits
 * between attempts. The rules are client-go's ({@code rest.Request}, {@code withRetry}):
 *
 * <ul>
 *   <li><b>Answers.</b> 429 or any 5xx carrying {@code Retry-After} (seconds or an HTTP date, at
 *       most an hour) is sent again after that wait, for every verb: the server says it did not
 *       act on the call. When the wait would pass the deadline, the answer is returned at once.
 *       Without {@code Retry-After} no answer is sent to the same endpoint again; a 503 moves the
 *       call on to another endpoint, for every verb, since the endpoint could not handle it. A
 *       401 refreshes the config's credentials and sends the call once more.</li>
 *   <li><b>Connection failures before anything was sent</b>: refused, reset while connecting,
 *       connect timeout (which includes the TLS handshake), unknown host, and a TLS handshake the
 *       peer reset or closed. Sent again for every verb: at once to another endpoint not yet
 *       tried, else after the backoff (100 ms doubling to 5 s, 20 % jitter).</li>
 *   <li><b>Connection broken after the request was sent</b> (reset, EOF, cut body): the server
 *       may have acted on it, so it is sent again only for GET, HEAD, OPTIONS and TRACE. client-go
 *       resends only GET ({@code IsConnectionReset || IsProbableEOF}); Go's transport also replays
 *       HEAD, OPTIONS and TRACE. PUT and DELETE are idempotent in HTTP's terms, but neither
 *       resends them: a DELETE that had succeeded answers 404 the second time, a PUT without a
 *       resourceVersion may overwrite a write made in between.</li>
 *   <li><b>TLS refusals</b> (untrusted certificate, host name mismatch, expired certificate, a
 *       client certificate the server rejects, no common protocol) are never retried; the error
 *       says what to check.</li>
 *   <li><b>Timeouts.</b> A call still waiting for its answer at its deadline ends with a
 *       {@code KubeClientException} ("timed out") and its endpoint counts as failed.</li>
 * </ul>
 *
 * The JDK's {@code HttpClient} underneath makes one more connection by itself after a failed
 * connect, and resends a GET or HEAD whose connection closed before the answer began; both happen
 * within one attempt.
 *
 * <h2>Endpoints</h2>
 *
 * With several servers ({@code RestConfig.Builder.addServer}), a client prefers one, chosen at
 * random when it is built. An endpoint that refuses, resets, stalls past a call's deadline or
 * answers 503 is unhealthy for a cool-down (10 s, doubling with each failure in a row up to
 * 5 min; {@code RestClient.Builder.endpointCooldown}): calls go to the healthy endpoints first,
 * in order from the preferred one, and move on to the next one at once after such a failure.
 * Once its cool-down is over an endpoint is tried again in its place; an answer makes it healthy.
 * With no healthy endpoint left, the one whose cool-down ends first is tried rather than none.
 * Failures that chaos injects do not count.
 *
 * <h2>Errors</h2>
 *
 * The error that ends a call starts with its verb and URL and says what came before: the failures
 * of the earlier attempts, or, with several endpoints, every endpoint with its last failure. Its
 * cause is the last failure, the earlier ones are suppressed exceptions. When the call ends on a
 * transport failure after an endpoint answered 503, that answer is thrown as a
 * {@code KubeApiException}. Messages never hold user info of URLs nor the Authorization header.
 *
 * <h2>Rate limiting</h2>
 *
 * Every attempt takes a permit from the {@link io.kubegen.runtime.rest.RateLimiter} (a token
 * bucket of the config's QPS and burst by default) within the time left before the deadline;
 * when the permit would come later, the call fails at once without taking it (client-go's
 * {@code Wait(ctx)}). A caller interrupted while waiting gives its permit back.
 *
 * <h2>Watches</h2>
 *
 * A watch over HTTP must end by its {@code timeoutSeconds} plus a grace period and, when it asked
 * for bookmarks, must not stay silent for longer than a bound derived from kube-apiserver's
 * bookmark frequency; otherwise its connection is presumed dead, closed, and the watch ends with
 * a {@link io.kubegen.runtime.watch.WatchException}. The bounds and their reasons are on
 * {@link io.kubegen.runtime.rest.WatchTimeouts}.
 *
 * <h2>Chaos</h2>
 *
 * {@code RestConfig.builder().chaos(probability, seed)} makes a client fail attempts on purpose
 * before sending them, as a refused connection; they are retried like real ones. Off by default;
 * a client with it on logs a warning once. The same seed gives the same failures for the same
 * sequence of calls.
 */
package io.kubegen.runtime.rest;
