package io.kubegen.runtime.api;

import java.util.ArrayList;
import java.util.List;

/** Extra detail in a {@link Status}: which object, and the causes of an {@code Invalid} answer. */
public class StatusDetails {
  private String name;
  private String group;
  private String kind;
  private String uid;
  private List<StatusCause> causes;
  private Integer retryAfterSeconds;

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getGroup() { return group; }
  public void setGroup(String group) { this.group = group; }
  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public String getUid() { return uid; }
  public void setUid(String uid) { this.uid = uid; }
  /** The causes; never null. */
  public List<StatusCause> getCauses() {
    if (causes == null) {
      causes = new ArrayList<>();
    }
    return causes;
  }
  public void setCauses(List<StatusCause> causes) { this.causes = causes; }
  public Integer getRetryAfterSeconds() { return retryAfterSeconds; }
  public void setRetryAfterSeconds(Integer retryAfterSeconds) { this.retryAfterSeconds = retryAfterSeconds; }
}
