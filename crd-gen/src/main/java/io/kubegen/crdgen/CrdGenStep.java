package io.kubegen.crdgen;

import com.google.auto.service.AutoService;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.processing.Diagnostics;
import io.kubegen.gen.processing.GeneratorStep;
import io.kubegen.gen.writer.GeneratedFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * crd-gen, the {@code crd} step of gen-core's {@code KubegenProcessor}: one
 * {@code apiextensions.k8s.io/v1} CustomResourceDefinition per group and kind of the compilation's
 * custom resource types (every version in it), written as class-path resources
 * {@code META-INF/kubegen/crds/<plural>.<group>.yaml} with an {@code index} beside them, and the
 * accessor {@code <base>.crds.CustomResourceDefinitions} that lists them. Types of Kubernetes' own
 * groups (no dot in the group, or a built-in {@code *.k8s.io} group) get none. Stateless.
 */
@AutoService(GeneratorStep.class)
public final class CrdGenStep implements GeneratorStep {
  /** Built-in API groups with a dot: their types are served by Kubernetes, not by CRDs. */
  private static final Set<String> BUILT_IN_GROUPS = Set.of("admissionregistration.k8s.io", "apiextensions.k8s.io",
      "apiregistration.k8s.io", "authentication.k8s.io", "authorization.k8s.io", "certificates.k8s.io",
      "coordination.k8s.io", "discovery.k8s.io", "events.k8s.io", "flowcontrol.apiserver.k8s.io",
      "internal.apiserver.k8s.io", "networking.k8s.io", "node.k8s.io", "rbac.authorization.k8s.io",
      "resource.k8s.io", "scheduling.k8s.io", "storage.k8s.io", "storagemigration.k8s.io");

  @Override
  public String id() {
    return "crd";
  }

  @Override
  public void generate(ApiModel model, GeneratedFiles files, Diagnostics diagnostics) {
    Map<String, List<ResourceDescriptor>> byGroupKind = new TreeMap<>();
    for (ResourceDescriptor r : model.resources()) {
      if (isCustom(r.groupVersion().group())) {
        byGroupKind.computeIfAbsent(r.groupVersion().group() + "/" + r.kind(), k -> new ArrayList<>()).add(r);
      }
    }
    CrdAssembler assembler = new CrdAssembler(files.environment(), diagnostics);
    List<CrdAssembler.Crd> crds = new ArrayList<>();
    for (List<ResourceDescriptor> versions : byGroupKind.values()) {
      Optional<CrdAssembler.Crd> crd = assembler.assemble(versions);
      crd.ifPresent(crds::add);
    }
    if (crds.isEmpty() || diagnostics.hasErrors()) {
      return;
    }
    new CrdFiles(files, diagnostics).write(model, crds);
  }

  /** Whether types of {@code group} are custom resources (a group with a dot, not Kubernetes' own). */
  static boolean isCustom(String group) {
    return group.contains(".") && !BUILT_IN_GROUPS.contains(group);
  }
}
