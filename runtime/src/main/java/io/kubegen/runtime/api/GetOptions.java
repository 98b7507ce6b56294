package io.kubegen.runtime.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** Options of a get call. Immutable; {@code GetOptions.builder().resourceVersion("0").build()}. */
public final class GetOptions implements QueryOptions {
  private static final GetOptions NONE = builder().build();

  private final String resourceVersion;

  private GetOptions(Builder b) {
    this.resourceVersion = b.resourceVersion;
  }

  /** No options: the most recent state. */
  public static GetOptions none() { return NONE; }

  public static Builder builder() { return new Builder(); }

  public String resourceVersion() { return resourceVersion; }

  @Override
  public Map<String, String> toQueryParameters() {
    Map<String, String> q = new LinkedHashMap<>();
    ListOptions.putIfSet(q, "resourceVersion", resourceVersion);
    return q;
  }

  @Override
  public String toString() { return "GetOptions" + toQueryParameters(); }

  /** Builder for {@link GetOptions}. */
  public static final class Builder {
    private String resourceVersion;

    private Builder() {}

    public Builder resourceVersion(String resourceVersion) { this.resourceVersion = resourceVersion; return this; }

    public GetOptions build() { return new GetOptions(this); }
  }
}
