package io.kubegen.apiserver.internal;

import io.kubegen.apiserver.ResourceDefinition;
import java.util.List;

/** The resources every server serves from the start. */
public final class BuiltInResources {
  static final ResourceDefinition NAMESPACES =
      ResourceDefinition.of("", "v1", "Namespace", "namespaces", false).withStatusSubresource().withShortNames("ns");
  static final ResourceDefinition PODS =
      ResourceDefinition.of("", "v1", "Pod", "pods", true).withStatusSubresource().withShortNames("po");

  private BuiltInResources() {}

  /** The built-in resources, core group first. */
  public static List<ResourceDefinition> all() {
    return List.of(
        NAMESPACES,
        ResourceDefinition.of("", "v1", "Node", "nodes", false).withStatusSubresource().withShortNames("no"),
        ResourceDefinition.of("", "v1", "ConfigMap", "configmaps", true).withShortNames("cm"),
        ResourceDefinition.of("", "v1", "Secret", "secrets", true),
        PODS,
        ResourceDefinition.of("", "v1", "Service", "services", true).withStatusSubresource().withShortNames("svc"),
        ResourceDefinition.of("", "v1", "Event", "events", true).withShortNames("ev"),
        ResourceDefinition.of("apps", "v1", "Deployment", "deployments", true).withStatusSubresource()
            .withShortNames("deploy"),
        ResourceDefinition.of("coordination.k8s.io", "v1", "Lease", "leases", true),
        CustomResourceDefinitions.DEFINITION);
  }
}
