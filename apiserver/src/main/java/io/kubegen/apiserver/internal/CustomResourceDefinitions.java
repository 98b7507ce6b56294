package io.kubegen.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubegen.apiserver.ResourceDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code apiextensions.k8s.io/v1} CustomResourceDefinitions: validates them, turns them
 * into {@link ResourceDefinition}s (one per served version) and fills the status a real server
 * reports once the names are accepted. Stateless.
 */
final class CustomResourceDefinitions {
  static final ResourceDefinition DEFINITION = ResourceDefinition.of("apiextensions.k8s.io", "v1",
      "CustomResourceDefinition", "customresourcedefinitions", false).withStatusSubresource().withShortNames("crd", "crds");

  private CustomResourceDefinitions() {}

  /** A served version of a CRD: the resource and the schema of its objects. */
  record ServedVersion(ResourceDefinition definition, StructuralSchema schema) {}

  /** The served resources a CRD defines; throws 422 naming the first missing or malformed field. */
  static List<ResourceDefinition> definitions(ObjectNode crd) {
    return served(crd).stream().map(ServedVersion::definition).toList();
  }

  /**
   * The served versions of a CRD with their schemas; throws 422 naming the first missing or
   * malformed field, or every reason a version's schema is not structural.
   */
  static List<ServedVersion> served(ObjectNode crd) {
    String name = Meta.name(crd);
    JsonNode spec = crd.path("spec");
    String group = Meta.text(spec, "group");
    JsonNode names = spec.path("names");
    String plural = Meta.text(names, "plural");
    String kind = Meta.text(names, "kind");
    String scope = Meta.text(spec, "scope");
    require(group != null && !group.isEmpty(), name, "spec.group");
    require(plural != null, name, "spec.names.plural");
    require(kind != null, name, "spec.names.kind");
    require("Namespaced".equals(scope) || "Cluster".equals(scope), name, "spec.scope");
    if (!(plural + "." + group).equals(name)) {
      throw ApiException.invalid(DEFINITION, name, "metadata.name", "FieldValueInvalid",
          "must be spec.names.plural+\".\"+spec.group (\"" + plural + "." + group + "\")");
    }
    JsonNode versions = spec.path("versions");
    require(versions.isArray() && !versions.isEmpty(), name, "spec.versions");
    List<ServedVersion> out = new ArrayList<>();
    List<FieldError> schemaErrors = new ArrayList<>();
    int index = -1;
    for (JsonNode v : versions) {
      index++;
      StructuralSchema schema = StructuralSchema.parse(v.path("schema").get("openAPIV3Schema"),
          "spec.versions[" + index + "].schema.openAPIV3Schema", schemaErrors);
      if (!v.path("served").asBoolean(true)) {
        continue;
      }
      String version = Meta.text(v, "name");
      require(version != null, name, "spec.versions[].name");
      ResourceDefinition def;
      try {
        def = ResourceDefinition.of(group, version, kind, plural, "Namespaced".equals(scope));
        if (Meta.text(names, "singular") != null) {
          def = def.withSingular(Meta.text(names, "singular"));
        }
        List<String> shortNames = new ArrayList<>();
        names.path("shortNames").forEach(s -> shortNames.add(s.asText()));
        def = def.withShortNames(shortNames.toArray(String[]::new));
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid(DEFINITION, name, "spec", "FieldValueInvalid", e.getMessage());
      }
      if (v.path("subresources").has("status")) {
        def = def.withStatusSubresource();
      }
      out.add(new ServedVersion(def, schema));
    }
    if (!schemaErrors.isEmpty()) {
      throw ApiException.invalid(DEFINITION, name, schemaErrors);
    }
    return out;
  }

  private static void require(boolean ok, String name, String field) {
    if (!ok) {
      throw ApiException.invalid(DEFINITION, name, field, "FieldValueRequired", "Required value");
    }
  }

  /** Sets the status conditions a real server sets once a CRD is served. */
  static void markEstablished(ObjectNode crd) {
    ObjectNode status = crd.putObject("status");
    ArrayNode conditions = status.putArray("conditions");
    String now = Meta.now();
    for (String type : List.of("NamesAccepted", "Established")) {
      ObjectNode c = conditions.addObject();
      c.put("type", type).put("status", "True").put("lastTransitionTime", now)
          .put("reason", type.equals("Established") ? "InitialNamesAccepted" : "NoConflicts")
          .put("message", type.equals("Established") ? "the initial names have been accepted" : "no conflicts found");
    }
    status.set("acceptedNames", crd.path("spec").path("names").deepCopy());
    ArrayNode stored = status.putArray("storedVersions");
    crd.path("spec").path("versions").forEach(v -> {
      if (v.path("storage").asBoolean(false)) {
        stored.add(v.path("name").asText());
      }
    });
  }
}
