package io.kubegen.runtime.testserver;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One scripted answer of the {@link FaultServer}: a status with a body and headers, a response
 * that never comes ({@link #hang()}), headers followed by silence ({@link #stall()}), or a
 * chunked stream the test writes to ({@link #stream}). 503 with or without {@code Retry-After}:
 * {@code Reply.status(503, "ServiceUnavailable", "...")} and {@code .header("Retry-After", "1")}.
 * Immutable; {@link #header} returns a copy.
 */
public final class Reply {
  enum Kind { BODY, HANG, STALL, STREAM }

  final Kind kind;
  final int code;
  final String body;
  final Map<String, String> headers;
  final ChunkedStream stream;

  private Reply(Kind kind, int code, String body, Map<String, String> headers, ChunkedStream stream) {
    this.kind = kind;
    this.code = code;
    this.body = body;
    this.headers = headers;
    this.stream = stream;
  }

  /** {@code code} with a JSON body (may be "" for none). */
  public static Reply json(int code, String body) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    return new Reply(Kind.BODY, code, Objects.requireNonNull(body, "body"), h, null);
  }

  /** {@code code} with a plain-text body. */
  public static Reply text(int code, String body) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "text/plain");
    return new Reply(Kind.BODY, code, Objects.requireNonNull(body, "body"), h, null);
  }

  /** A Kubernetes Status body with {@code code}, {@code reason} and {@code message}. */
  public static Reply status(int code, String reason, String message) {
    return json(code, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":" + code
        + ",\"reason\":\"" + reason + "\",\"message\":\"" + message + "\"}");
  }

  /** No answer at all, not even headers, until the server closes. */
  public static Reply hang() {
    return new Reply(Kind.HANG, 0, "", Map.of(), null);
  }

  /** 200 and its headers, then a chunked body that never sends a byte, until the server closes. */
  public static Reply stall() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    return new Reply(Kind.STALL, 200, "", h, null);
  }

  /** 200 with a chunked body that {@code stream} controls. */
  public static Reply stream(ChunkedStream stream) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    return new Reply(Kind.STREAM, 200, "", h, Objects.requireNonNull(stream, "stream"));
  }

  /** This reply with one more header. */
  public Reply header(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Reply(kind, code, body, h, stream);
  }

  @Override
  public String toString() {
    return kind == Kind.BODY ? "Reply{" + code + "}" : "Reply{" + kind + "}";
  }
}
