package io.kubegen.apiserver.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubegen.apiserver.ResourceDefinition;
import java.util.List;
import java.util.Map;

/**
 * The discovery documents: {@code /version}, the legacy {@code /api}, {@code /apis},
 * {@code /apis/<g>}, {@code /api/v1}, {@code /apis/<g>/<v>}, and aggregated discovery v2 for
 * {@code /api} and {@code /apis} when the {@code Accept} header asks for it (kubectl does, and
 * then needs two requests instead of one per group version). Stateless; reads the registry's
 * current snapshot.
 */
final class Discovery {
  static final String KUBERNETES_VERSION = "v1.32.0";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  private final ResourceRegistry registry;

  Discovery(ResourceRegistry registry) { this.registry = registry; }

  static ObjectNode version() {
    ObjectNode v = F.objectNode();
    v.put("major", "1").put("minor", "32").put("gitVersion", KUBERNETES_VERSION + "+kubegen")
        .put("gitCommit", "0000000000000000000000000000000000000000").put("gitTreeState", "clean")
        .put("buildDate", "2026-01-01T00:00:00Z").put("goVersion", "go1.23.0").put("compiler", "gc")
        .put("platform", "linux/amd64");
    return v;
  }

  ObjectNode coreVersions(String serverAddress) {
    ObjectNode o = F.objectNode();
    o.put("kind", "APIVersions");
    o.putArray("versions").add("v1");
    o.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0").put("serverAddress", serverAddress);
    return o;
  }

  ObjectNode groupList() {
    ObjectNode o = F.objectNode();
    o.put("kind", "APIGroupList").put("apiVersion", "v1");
    ArrayNode groups = o.putArray("groups");
    for (Map.Entry<String, List<String>> g : registry.groups().entrySet()) {
      if (!g.getKey().isEmpty()) {
        groups.add(group(g.getKey(), g.getValue()));
      }
    }
    return o;
  }

  /** The APIGroup document, or null when the group is not served. */
  ObjectNode group(String name) {
    List<String> versions = registry.groups().get(name);
    if (versions == null || name.isEmpty()) {
      return null;
    }
    ObjectNode o = group(name, versions);
    o.put("kind", "APIGroup").put("apiVersion", "v1");
    return o;
  }

  private static ObjectNode group(String name, List<String> versions) {
    ObjectNode g = F.objectNode();
    g.put("name", name);
    ArrayNode vs = g.putArray("versions");
    for (String v : versions) {
      vs.addObject().put("groupVersion", name + "/" + v).put("version", v);
    }
    g.putObject("preferredVersion").put("groupVersion", name + "/" + versions.get(0)).put("version", versions.get(0));
    return g;
  }

  /** Content type of aggregated discovery documents, which clients ask for first. */
  static final String AGGREGATED_V2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

  /**
   * Aggregated discovery ({@code apidiscovery.k8s.io/v2}): every group, version and resource in
   * one document, for {@code /api} (core only) or {@code /apis} (all other groups).
   */
  ObjectNode aggregated(boolean core) {
    ObjectNode o = F.objectNode();
    o.put("kind", "APIGroupDiscoveryList").put("apiVersion", "apidiscovery.k8s.io/v2");
    o.putObject("metadata");
    ArrayNode items = o.putArray("items");
    for (Map.Entry<String, List<String>> g : registry.groups().entrySet()) {
      if (g.getKey().isEmpty() != core) {
        continue;
      }
      ObjectNode group = items.addObject();
      ObjectNode meta = group.putObject("metadata");
      if (!core) {
        meta.put("name", g.getKey());
      }
      ArrayNode versions = group.putArray("versions");
      for (String v : g.getValue()) {
        ObjectNode version = versions.addObject();
        version.put("version", v);
        ArrayNode resources = version.putArray("resources");
        for (ResourceDefinition d : registry.inGroupVersion(g.getKey(), v)) {
          ObjectNode r = resources.addObject();
          r.put("resource", d.plural());
          r.putObject("responseKind").put("group", d.group()).put("version", d.version()).put("kind", d.kind());
          r.put("scope", d.namespaced() ? "Namespaced" : "Cluster").put("singularResource", d.singular());
          ArrayNode verbs = r.putArray("verbs");
          VERBS.forEach(verbs::add);
          if (!d.shortNames().isEmpty()) {
            ArrayNode shortNames = r.putArray("shortNames");
            d.shortNames().forEach(shortNames::add);
          }
          if (d.hasStatusSubresource()) {
            ObjectNode status = r.putArray("subresources").addObject();
            status.put("subresource", "status");
            status.putObject("responseKind").put("group", d.group()).put("version", d.version()).put("kind", d.kind());
            status.putArray("verbs").add("get").add("patch").add("update");
          }
        }
        version.put("freshness", "Current");
      }
    }
    return o;
  }

  /** Whether an {@code Accept} header asks for aggregated discovery v2. */
  static boolean wantsAggregated(String accept) {
    if (accept == null) {
      return false;
    }
    for (String range : accept.split(",")) {
      List<String> params = java.util.Arrays.stream(range.split(";")).map(String::trim).toList();
      if (params.contains("g=apidiscovery.k8s.io") && params.contains("v=v2") && params.contains("as=APIGroupDiscoveryList")) {
        return true;
      }
    }
    return false;
  }

  /** The APIResourceList of one group version, or null when nothing is served there. */
  ObjectNode resources(String group, String version) {
    List<ResourceDefinition> defs = registry.inGroupVersion(group, version);
    if (defs.isEmpty()) {
      return null;
    }
    ObjectNode o = F.objectNode();
    o.put("kind", "APIResourceList").put("apiVersion", "v1").put("groupVersion", group.isEmpty() ? version : group + "/" + version);
    ArrayNode list = o.putArray("resources");
    for (ResourceDefinition d : defs) {
      ObjectNode r = list.addObject();
      r.put("name", d.plural()).put("singularName", d.singular()).put("namespaced", d.namespaced()).put("kind", d.kind());
      ArrayNode verbs = r.putArray("verbs");
      VERBS.forEach(verbs::add);
      if (!d.shortNames().isEmpty()) {
        ArrayNode s = r.putArray("shortNames");
        d.shortNames().forEach(s::add);
      }
      if (d.hasStatusSubresource()) {
        ObjectNode s = list.addObject();
        s.put("name", d.plural() + "/status").put("singularName", "").put("namespaced", d.namespaced()).put("kind", d.kind());
        s.putArray("verbs").add("get").add("patch").add("update");
      }
    }
    return o;
  }
}
