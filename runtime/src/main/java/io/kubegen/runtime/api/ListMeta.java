package io.kubegen.runtime.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** Metadata of a list response: its resourceVersion, the continue token and the remaining count. */
public class ListMeta {
  private String resourceVersion;
  @JsonProperty("continue")
  private String continueToken;
  private Long remainingItemCount;

  /** An empty list metadata. */
  public ListMeta() {}

  /** List metadata with a resourceVersion and a continue token (null when complete). */
  public ListMeta(String resourceVersion, String continueToken) {
    this.resourceVersion = resourceVersion;
    this.continueToken = continueToken;
  }

  public String getResourceVersion() { return resourceVersion; }
  public void setResourceVersion(String resourceVersion) { this.resourceVersion = resourceVersion; }
  /** The token for the next page, or null/empty when this page is the last. JSON field {@code continue}. */
  @JsonProperty("continue")
  public String getContinue() { return continueToken; }
  @JsonProperty("continue")
  public void setContinue(String continueToken) { this.continueToken = continueToken; }
  public Long getRemainingItemCount() { return remainingItemCount; }
  public void setRemainingItemCount(Long remainingItemCount) { this.remainingItemCount = remainingItemCount; }

  @Override
  public boolean equals(Object o) {
    return o instanceof ListMeta m && Objects.equals(resourceVersion, m.resourceVersion)
        && Objects.equals(continueToken, m.continueToken)
        && Objects.equals(remainingItemCount, m.remainingItemCount);
  }

  @Override
  public int hashCode() { return Objects.hash(resourceVersion, continueToken, remainingItemCount); }

  @Override
  public String toString() {
    return "ListMeta{resourceVersion=" + resourceVersion + ", continue=" + continueToken + "}";
  }
}
