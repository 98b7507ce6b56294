package io.kubegen.runtime.api;

/**
 * The API server's answer to a failed call, or to a delete ({@code kind: Status}).
 * {@code status} is {@code Success} or {@code Failure}; {@code reason} is a machine-readable word
 * such as {@code NotFound}, {@code Conflict}, {@code AlreadyExists}, {@code Invalid},
 * {@code Gone} or {@code Expired}; {@code code} is the HTTP status.
 */
public class Status {
  /** {@code status} of a successful answer. */
  public static final String SUCCESS = "Success";
  /** {@code status} of a failed answer. */
  public static final String FAILURE = "Failure";

  private String apiVersion = "v1";
  private String kind = "Status";
  private ListMeta metadata;
  private String status;
  private String message;
  private String reason;
  private StatusDetails details;
  private Integer code;

  /** An empty status. */
  public Status() {}

  /** A {@code Failure} status with HTTP {@code code}, {@code reason} and {@code message}. */
  public static Status failure(int code, String reason, String message) {
    Status s = new Status();
    s.setStatus(FAILURE);
    s.setCode(code);
    s.setReason(reason);
    s.setMessage(message);
    return s;
  }

  /** A {@code Success} status, as returned by some deletes. */
  public static Status success() {
    Status s = new Status();
    s.setStatus(SUCCESS);
    s.setCode(200);
    return s;
  }

  public String getApiVersion() { return apiVersion; }
  public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public ListMeta getMetadata() { return metadata; }
  public void setMetadata(ListMeta metadata) { this.metadata = metadata; }
  public String getStatus() { return status; }
  public void setStatus(String status) { this.status = status; }
  public String getMessage() { return message; }
  public void setMessage(String message) { this.message = message; }
  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
  public StatusDetails getDetails() { return details; }
  public void setDetails(StatusDetails details) { this.details = details; }
  /** The HTTP status code, or 0 when the server sent none. */
  public int getCode() { return code == null ? 0 : code; }
  public void setCode(Integer code) { this.code = code; }

  @Override
  public String toString() {
    return "Status{" + status + " " + getCode() + " " + reason + ": " + message + "}";
  }
}
