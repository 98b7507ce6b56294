package io.kubegen.runtime.api;

/** One cause of a failed call: {@code reason} (such as {@code FieldValueRequired}), {@code message}, {@code field}. */
public class StatusCause {
  private String reason;
  private String message;
  private String field;

  /** An empty cause. */
  public StatusCause() {}

  /** A cause with all three fields. */
  public StatusCause(String reason, String message, String field) {
    this.reason = reason;
    this.message = message;
    this.field = field;
  }

  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
  public String getMessage() { return message; }
  public void setMessage(String message) { this.message = message; }
  public String getField() { return field; }
  public void setField(String field) { this.field = field; }

  @Override
  public String toString() { return field + ": " + reason + " " + message; }
}
