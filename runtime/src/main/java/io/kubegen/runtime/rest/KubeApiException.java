package io.kubegen.runtime.rest;

import io.kubegen.runtime.api.Status;
import java.util.Locale;

/**
 * The API server answered a call with a non-2xx status. Carries the server's {@link Status}:
 * the decoded body when it was a {@code Status}, else one built from the HTTP code (with the
 * reason derived from it, as client-go does) and the raw body as its message. The helpers
 * classify it ({@link #isNotFound()}, {@link #isConflict()}, ...). Immutable.
 */
public class KubeApiException extends KubeClientException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_BODY_IN_MESSAGE = 1024;

  private final int code;
  private final transient Status status;

  /** An exception for HTTP {@code code} carrying {@code status}; {@code context} (verb and URL) prefixes the message. */
  public KubeApiException(int code, Status status, String context) {
    super(message(code, status, context));
    this.code = code;
    this.status = status == null ? Status.failure(code, reasonForCode(code), "") : status;
  }

  /** An exception for a {@code Status} the server sent, for instance in a watch ERROR event. */
  public KubeApiException(Status status) {
    this(status.getCode(), status, null);
  }

  /**
   * Builds the exception for an HTTP answer whose body could not be decoded as a Status: the
   * reason comes from the code and the raw body (cut to 1 KiB) is the message.
   */
  public static KubeApiException fromRawBody(int code, String rawBody, String context) {
    String body = rawBody == null ? "" : rawBody.strip();
    if (body.length() > MAX_BODY_IN_MESSAGE) {
      body = body.substring(0, MAX_BODY_IN_MESSAGE) + "...";
    }
    String message = body.isEmpty() ? "the server answered " + code + " with no body" : body;
    return new KubeApiException(code, Status.failure(code, reasonForCode(code), message), context);
  }

  private static String message(int code, Status status, String context) {
    StringBuilder b = new StringBuilder();
    if (context != null) {
      b.append(context).append(": ");
    }
    String reason = status == null || isBlank(status.getReason()) ? reasonForCode(code) : status.getReason();
    if (code > 0) {
      b.append(code);
    }
    if (!reason.isEmpty()) {
      b.append(code > 0 ? " " : "").append(reason);
    }
    if (status != null && !isBlank(status.getMessage())) {
      b.append(": ").append(status.getMessage());
    }
    return b.toString();
  }

  /** The HTTP status code. */
  public int code() { return code; }

  /** The server's Status, or one built from the HTTP code; never null (not even after Java deserialization). */
  public Status status() {
    return status != null ? status : Status.failure(code, reasonForCode(code), getMessage());
  }

  /** The Status reason, or the one derived from the HTTP code when the server gave none; may be "". */
  public String reason() {
    String reason = status().getReason();
    return isBlank(reason) ? reasonForCode(code) : reason;
  }

  /** 404 / NotFound. */
  public boolean isNotFound() { return is("NotFound", 404); }

  /** 409 / Conflict: typically a stale resourceVersion on update. */
  public boolean isConflict() { return is("Conflict", 409); }

  /** 409 / AlreadyExists: create of a name that exists. */
  public boolean isAlreadyExists() { return "AlreadyExists".equals(reason()); }

  /** 410 / Gone. */
  public boolean isGone() { return is("Gone", 410); }

  /** 429 / TooManyRequests. */
  public boolean isTooManyRequests() { return is("TooManyRequests", 429); }

  /** 422 / Invalid. */
  public boolean isInvalid() { return is("Invalid", 422); }

  /** 401 / Unauthorized. */
  public boolean isUnauthorized() { return is("Unauthorized", 401); }

  /** 403 / Forbidden. */
  public boolean isForbidden() { return is("Forbidden", 403); }

  /**
   * The resourceVersion asked for is too old: 410, reason {@code Expired} or {@code Gone}, or a
   * message saying "too old resource version". A reflector relists on it.
   */
  public boolean isExpired() {
    String message = status().getMessage();
    return code == 410 || "Expired".equals(reason()) || "Gone".equals(reason())
        || (message != null && message.toLowerCase(Locale.ROOT).contains("too old resource version"));
  }

  private boolean is(String reason, int httpCode) {
    String r = reason();
    return reason.equals(r) || (code == httpCode && (r.isEmpty() || "Unknown".equals(r)));
  }

  /** The reason client-go derives from an HTTP code when the body is not a Status; "" when none fits. */
  public static String reasonForCode(int code) {
    return switch (code) {
      case 400 -> "BadRequest";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 406 -> "NotAcceptable";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 413 -> "RequestEntityTooLarge";
      case 415 -> "UnsupportedMediaType";
      case 422 -> "Invalid";
      case 429 -> "TooManyRequests";
      case 500 -> "InternalError";
      case 503 -> "ServiceUnavailable";
      case 504 -> "Timeout";
      default -> "";
    };
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
