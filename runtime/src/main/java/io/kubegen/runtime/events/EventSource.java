package io.kubegen.runtime.events;

/**
 * core/v1 {@code EventSource}: which component (and host) reports events. Mutable bean for JSON.
 */
public class EventSource {
  private String component;
  private String host;

  public EventSource() {}

  /** A source named {@code component} on {@code host} (may be null). */
  public EventSource(String component, String host) {
    if (component == null || component.isBlank()) {
      throw new IllegalArgumentException("an event source needs a component name");
    }
    this.component = component;
    this.host = host;
  }

  public String getComponent() { return component; }
  public void setComponent(String component) { this.component = component; }
  public String getHost() { return host; }
  public void setHost(String host) { this.host = host; }

  @Override
  public String toString() {
    return host == null ? component : component + "@" + host;
  }
}
