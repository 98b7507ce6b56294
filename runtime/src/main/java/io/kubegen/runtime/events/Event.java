package io.kubegen.runtime.events;

import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;
import java.time.Instant;

/**
 * The core/v1 {@code Event} resource (the fields the recorder writes and readers use). Mutable
 * bean for JSON; {@link #copy()} for a shallow copy with its own metadata.
 */
public class Event implements KubernetesObject {
  /** {@link #getType()} of an event about normal operation. */
  public static final String TYPE_NORMAL = "Normal";
  /** {@link #getType()} of an event about a problem. */
  public static final String TYPE_WARNING = "Warning";

  private String apiVersion = "v1";
  private String kind = "Event";
  private ObjectMeta metadata = new ObjectMeta();
  private ObjectReference involvedObject;
  private String reason;
  private String message;
  private EventSource source;
  private Instant firstTimestamp;
  private Instant lastTimestamp;
  private Integer count;
  private String type;
  private String reportingComponent;
  private String reportingInstance;

  public Event() {}

  @Override public String getApiVersion() { return apiVersion; }
  public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
  @Override public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  @Override public ObjectMeta getMetadata() { return metadata; }
  public void setMetadata(ObjectMeta metadata) { this.metadata = metadata; }
  public ObjectReference getInvolvedObject() { return involvedObject; }
  public void setInvolvedObject(ObjectReference involvedObject) { this.involvedObject = involvedObject; }
  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
  public String getMessage() { return message; }
  public void setMessage(String message) { this.message = message; }
  public EventSource getSource() { return source; }
  public void setSource(EventSource source) { this.source = source; }
  public Instant getFirstTimestamp() { return firstTimestamp; }
  public void setFirstTimestamp(Instant firstTimestamp) { this.firstTimestamp = firstTimestamp; }
  public Instant getLastTimestamp() { return lastTimestamp; }
  public void setLastTimestamp(Instant lastTimestamp) { this.lastTimestamp = lastTimestamp; }
  public Integer getCount() { return count; }
  public void setCount(Integer count) { this.count = count; }
  public String getType() { return type; }
  public void setType(String type) { this.type = type; }
  public String getReportingComponent() { return reportingComponent; }
  public void setReportingComponent(String reportingComponent) { this.reportingComponent = reportingComponent; }
  public String getReportingInstance() { return reportingInstance; }
  public void setReportingInstance(String reportingInstance) { this.reportingInstance = reportingInstance; }

  /** A copy sharing the nested references but with its own {@link ObjectMeta} fields that matter here. */
  public Event copy() {
    Event e = new Event();
    e.apiVersion = apiVersion;
    e.kind = kind;
    e.metadata = ObjectMeta.builder().name(metadata.getName()).namespace(metadata.getNamespace())
        .resourceVersion(metadata.getResourceVersion()).uid(metadata.getUid()).build();
    e.metadata.setAnnotations(metadata.getAnnotations());
    e.involvedObject = involvedObject;
    e.reason = reason;
    e.message = message;
    e.source = source;
    e.firstTimestamp = firstTimestamp;
    e.lastTimestamp = lastTimestamp;
    e.count = count;
    e.type = type;
    e.reportingComponent = reportingComponent;
    e.reportingInstance = reportingInstance;
    return e;
  }

  @Override
  public String toString() {
    return "Event{" + type + " " + reason + " on " + involvedObject + ": " + message + " (x" + count + ")}";
  }
}
