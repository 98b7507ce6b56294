package com.example.widgets.v1;

import io.kubegen.annotations.GenClient;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A Gadget is a cluster-wide fixture, without a status.
 *
 * @param apiVersion widgets.example.com/v1
 * @param kind Gadget
 * @param metadata the metadata
 * @param spec the gadget's settings
 */
@GenClient(namespaced = false)
public record Gadget(String apiVersion, String kind, ObjectMeta metadata, Spec spec) implements KubernetesObject {
  @Override public String getApiVersion() { return apiVersion; }
  @Override public String getKind() { return kind; }
  @Override public ObjectMeta getMetadata() { return metadata; }

  /**
   * The gadget's settings.
   *
   * @param labels labels to put on what the gadget makes
   * @param installed when the gadget was installed
   * @param mode how it runs
   */
  public record Spec(Map<String, String> labels, OffsetDateTime installed, Mode mode) {}

  /** How a gadget runs. */
  public enum Mode { ON, OFF, AUTO }
}
