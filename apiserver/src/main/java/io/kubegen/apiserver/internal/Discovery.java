package io.kubegen.apiserver.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubegen.apiserver.ResourceDefinition;
import java.util.List;
import java.util.Map;

/**
 * The discovery documents ({@code /version}, {@code /api}, {@code /apis}, {@code /apis/<g>},
 * {@code /api/v1}, {@code /apis/<g>/<v>}) in their legacy, unaggregated form. Clients that ask
 * for aggregated discovery first read the plain {@code application/json} content type of the
 * answer and fall back to these documents, as they do with older servers. Stateless; reads the
 * registry's current snapshot.
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
