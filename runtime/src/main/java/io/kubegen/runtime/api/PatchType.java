package io.kubegen.runtime.api;

/** The kinds of PATCH the API server accepts, each with its {@code Content-Type}. */
public enum PatchType {
  /** RFC 6902 JSON patch: a list of operations. */
  JSON("application/json-patch+json"),
  /** RFC 7386 JSON merge patch. */
  MERGE("application/merge-patch+json"),
  /** Kubernetes strategic merge patch (merge keys for lists of built-in types). */
  STRATEGIC_MERGE("application/strategic-merge-patch+json"),
  /** Server-side apply: the body is the caller's whole intent; needs a field manager. */
  APPLY("application/apply-patch+yaml");

  private final String contentType;

  PatchType(String contentType) {
    this.contentType = contentType;
  }

  /** The request {@code Content-Type} of this patch kind. */
  public String contentType() {
    return contentType;
  }

  /** The patch type of a request {@code Content-Type} (parameters ignored), or null if none matches. */
  public static PatchType fromContentType(String contentType) {
    if (contentType == null) {
      return null;
    }
    String bare = contentType.split(";", 2)[0].trim();
    for (PatchType type : values()) {
      if (type.contentType.equalsIgnoreCase(bare)) {
        return type;
      }
    }
    return null;
  }
}
