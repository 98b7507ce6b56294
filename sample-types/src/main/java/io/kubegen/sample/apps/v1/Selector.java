package io.kubegen.sample.apps.v1;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON form of a label selector ({@code matchLabels} only; {@code matchExpressions} is not
 * used by the sample). Not thread-safe.
 */
public class Selector {
  private Map<String, String> matchLabels = new LinkedHashMap<>();

  /** The labels a pod must carry; never null. */
  public Map<String, String> getMatchLabels() { return matchLabels; }
  public void setMatchLabels(Map<String, String> matchLabels) {
    this.matchLabels = matchLabels == null ? new LinkedHashMap<>() : new LinkedHashMap<>(matchLabels);
  }
}
