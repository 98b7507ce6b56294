package io.kubegen.apiserver.e2e.chaos;

/** The faults the chaos suite injects between the informer and the API server. */
enum Fault {
  /** Every open watch connection is closed mid-stream. */
  DROP_WATCH(false),
  /** Every open connection is closed: watches and calls in flight. */
  DROP_ALL(false),
  /** The server looks down: connections are refused and open ones closed. */
  REFUSE(true),
  /** New connections are reset as soon as they are accepted. */
  RESET_AT_ACCEPT(true),
  /** Open connections and new ones go silent: nothing is delivered, nothing is closed. */
  BLACK_HOLE(true),
  /** Every request is answered 503 without {@code Retry-After}. */
  UNAVAILABLE(true),
  /** Every request is answered 503 with {@code Retry-After: 1}. */
  UNAVAILABLE_RETRY_AFTER(true),
  /** Responses (lists, watch streams, headers) are cut after a random number of bytes. */
  TRUNCATE(false),
  /** Watch requests are held back 0.2-1.5 s before they reach the server. */
  SLOW_REWATCH(false),
  /** The server compacts its history and the watches are dropped: resuming meets 410 Gone, the informer relists. */
  COMPACT(false);

  private final boolean outage;

  Fault(boolean outage) {
    this.outage = outage;
  }

  /** Whether no request gets through while it lasts (the request rate is measured then). */
  boolean outage() {
    return outage;
  }
}
