package io.kubegen.runtime.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Options of a list or watch call: selectors, resourceVersion semantics, paging and watch
 * settings. Immutable; build with {@code ListOptions.builder()...build()}, change a copy with
 * {@link #toBuilder()}.
 */
public final class ListOptions implements QueryOptions {
  private static final ListOptions NONE = builder().build();

  private final String labelSelector;
  private final String fieldSelector;
  private final String resourceVersion;
  private final String resourceVersionMatch;
  private final Long limit;
  private final String continueToken;
  private final Integer timeoutSeconds;
  private final Boolean allowWatchBookmarks;
  private final Boolean sendInitialEvents;

  private ListOptions(Builder b) {
    this.labelSelector = b.labelSelector;
    this.fieldSelector = b.fieldSelector;
    this.resourceVersion = b.resourceVersion;
    this.resourceVersionMatch = b.resourceVersionMatch;
    this.limit = b.limit;
    this.continueToken = b.continueToken;
    this.timeoutSeconds = b.timeoutSeconds;
    this.allowWatchBookmarks = b.allowWatchBookmarks;
    this.sendInitialEvents = b.sendInitialEvents;
  }

  /** No options: everything, from the most recent state. */
  public static ListOptions none() { return NONE; }

  /** A new builder with nothing set. */
  public static Builder builder() { return new Builder(); }

  /** A builder that starts from these options. */
  public Builder toBuilder() {
    return new Builder().labelSelector(labelSelector).fieldSelector(fieldSelector)
        .resourceVersion(resourceVersion).resourceVersionMatch(resourceVersionMatch)
        .limit(limit).continueToken(continueToken).timeoutSeconds(timeoutSeconds)
        .allowWatchBookmarks(allowWatchBookmarks).sendInitialEvents(sendInitialEvents);
  }

  public String labelSelector() { return labelSelector; }
  public String fieldSelector() { return fieldSelector; }
  public String resourceVersion() { return resourceVersion; }
  /** {@code Exact} or {@code NotOlderThan}, or null. */
  public String resourceVersionMatch() { return resourceVersionMatch; }
  public Long limit() { return limit; }
  public String continueToken() { return continueToken; }
  public Integer timeoutSeconds() { return timeoutSeconds; }
  public Boolean allowWatchBookmarks() { return allowWatchBookmarks; }
  public Boolean sendInitialEvents() { return sendInitialEvents; }

  @Override
  public Map<String, String> toQueryParameters() {
    Map<String, String> q = new LinkedHashMap<>();
    putIfSet(q, "labelSelector", labelSelector);
    putIfSet(q, "fieldSelector", fieldSelector);
    putIfSet(q, "resourceVersion", resourceVersion);
    putIfSet(q, "resourceVersionMatch", resourceVersionMatch);
    putIfSet(q, "limit", limit);
    putIfSet(q, "continue", continueToken);
    putIfSet(q, "timeoutSeconds", timeoutSeconds);
    putIfSet(q, "allowWatchBookmarks", allowWatchBookmarks);
    putIfSet(q, "sendInitialEvents", sendInitialEvents);
    return q;
  }

  static void putIfSet(Map<String, String> q, String name, Object value) {
    if (value != null && !(value instanceof String s && s.isEmpty())) {
      q.put(name, value.toString());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ListOptions other && toQueryParameters().equals(other.toQueryParameters());
  }

  @Override
  public int hashCode() { return Objects.hash(toQueryParameters()); }

  @Override
  public String toString() { return "ListOptions" + toQueryParameters(); }

  /** Builder for {@link ListOptions}; every setter accepts null for "not set". */
  public static final class Builder {
    private String labelSelector;
    private String fieldSelector;
    private String resourceVersion;
    private String resourceVersionMatch;
    private Long limit;
    private String continueToken;
    private Integer timeoutSeconds;
    private Boolean allowWatchBookmarks;
    private Boolean sendInitialEvents;

    private Builder() {}

    public Builder labelSelector(String labelSelector) { this.labelSelector = labelSelector; return this; }
    public Builder labelSelector(LabelSelector selector) { this.labelSelector = selector == null ? null : selector.toString(); return this; }
    public Builder fieldSelector(String fieldSelector) { this.fieldSelector = fieldSelector; return this; }
    public Builder resourceVersion(String resourceVersion) { this.resourceVersion = resourceVersion; return this; }
    public Builder resourceVersionMatch(String match) { this.resourceVersionMatch = match; return this; }
    public Builder limit(Long limit) { this.limit = limit; return this; }
    public Builder limit(long limit) { this.limit = limit; return this; }
    public Builder continueToken(String continueToken) { this.continueToken = continueToken; return this; }
    public Builder timeoutSeconds(Integer timeoutSeconds) { this.timeoutSeconds = timeoutSeconds; return this; }
    public Builder timeoutSeconds(int timeoutSeconds) { this.timeoutSeconds = timeoutSeconds; return this; }
    public Builder allowWatchBookmarks(Boolean allow) { this.allowWatchBookmarks = allow; return this; }
    public Builder allowWatchBookmarks(boolean allow) { this.allowWatchBookmarks = allow; return this; }
    public Builder sendInitialEvents(Boolean send) { this.sendInitialEvents = send; return this; }
    public Builder sendInitialEvents(boolean send) { this.sendInitialEvents = send; return this; }

    public ListOptions build() { return new ListOptions(this); }
  }
}
