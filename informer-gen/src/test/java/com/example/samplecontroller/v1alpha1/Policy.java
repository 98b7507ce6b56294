package com.example.samplecontroller.v1alpha1;

import io.kubegen.annotations.GenClient;
import io.kubegen.annotations.Verb;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ObjectMeta;

/** Test model: a resource without the WATCH verb, so it gets a client but no lister or informer. */
@GenClient(skipVerbs = Verb.WATCH)
public record Policy(String apiVersion, String kind, ObjectMeta metadata) implements KubernetesObject {
  @Override public String getApiVersion() { return apiVersion; }
  @Override public String getKind() { return kind; }
  @Override public ObjectMeta getMetadata() { return metadata; }
}
