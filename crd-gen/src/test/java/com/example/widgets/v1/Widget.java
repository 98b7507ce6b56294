package com.example.widgets.v1;

import io.kubegen.annotations.GenClient;
import io.kubegen.annotations.GenCrd;
import io.kubegen.annotations.Verb;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;

/**
 * A Widget is something a factory builds: its spec says what to build, its status what was built.
 *
 * <p>Not thread-safe (this paragraph is about Java and stays out of the schema).
 */
@GenClient
@GenClient.Method(name = "getScale", verb = Verb.GET, subresource = "scale", result = Scale.class)
@GenClient.Method(name = "updateScale", verb = Verb.UPDATE, subresource = "scale", input = Scale.class, result = Scale.class)
@GenCrd(storage = true, shortNames = {"wd", "wdg"}, categories = "all", labelSelectorPath = ".status.selector",
    printerColumns = {
        @GenCrd.PrinterColumn(name = "Replicas", jsonPath = ".spec.replicas"),
        @GenCrd.PrinterColumn(name = "Built", jsonPath = ".status.builtAt", description = "When the last widget was built"),
        @GenCrd.PrinterColumn(name = "Colour", jsonPath = ".spec.colour", priority = 1),
        @GenCrd.PrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status", type = "string")})
public class Widget implements KubernetesObject {
  private String apiVersion = "widgets.example.com/v1";
  private String kind = "Widget";
  private ObjectMeta metadata = new ObjectMeta();
  private WidgetSpec spec;
  private WidgetStatus status;

  @Override public String getApiVersion() { return apiVersion; }
  public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
  @Override public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  @Override public ObjectMeta getMetadata() { return metadata; }
  public void setMetadata(ObjectMeta metadata) { this.metadata = metadata; }
  /** What to build. */
  public WidgetSpec getSpec() { return spec; }
  public void setSpec(WidgetSpec spec) { this.spec = spec; }
  /** What was built, as last observed. */
  public WidgetStatus getStatus() { return status; }
  public void setStatus(WidgetStatus status) { this.status = status; }
}
