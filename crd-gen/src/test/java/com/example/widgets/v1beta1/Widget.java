package com.example.widgets.v1beta1;

import io.kubegen.annotations.GenClient;
import io.kubegen.annotations.GenCrd;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;

/**
 * A Widget, as the first beta described it.
 *
 * @param apiVersion widgets.example.com/v1beta1
 * @param kind Widget
 * @param metadata the metadata
 * @param spec what to build
 * @param status what was built
 */
@GenClient
@GenCrd(deprecated = true, deprecationWarning = "widgets.example.com/v1beta1 Widget is deprecated; use widgets.example.com/v1")
public record Widget(String apiVersion, String kind, ObjectMeta metadata, Spec spec, Status status)
    implements KubernetesObject {
  @Override public String getApiVersion() { return apiVersion; }
  @Override public String getKind() { return kind; }
  @Override public ObjectMeta getMetadata() { return metadata; }

  /**
   * What to build.
   *
   * @param count how many widgets
   */
  public record Spec(int count) {}

  /**
   * What was built.
   *
   * @param built how many widgets were built
   */
  public record Status(int built) {}
}
