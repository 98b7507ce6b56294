package io.kubegen.apiserver.internal;

import io.kubegen.apiserver.ResourceDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The resources a server serves, in registration order (core first, as discovery lists them),
 * with the schema of each resource that comes from a CustomResourceDefinition.
 * Thread-safe: writers replace an immutable snapshot, readers read the current one.
 */
public final class ResourceRegistry {
  private volatile List<ResourceDefinition> resources = List.of();
  /** {@code group/version/plural} → the schema objects of that version are held to. */
  private volatile Map<String, StructuralSchema> schemas = Map.of();

  /** Adds {@code def} without a schema, replacing a definition of the same group, version and plural. */
  public synchronized void register(ResourceDefinition def) {
    register(def, null);
  }

  /** Adds {@code def} with the schema its objects are pruned, defaulted and validated by (null: none). */
  synchronized void register(ResourceDefinition def, StructuralSchema schema) {
    Objects.requireNonNull(def, "def");
    Map<String, StructuralSchema> nextSchemas = new HashMap<>(schemas);
    if (schema == null) {
      nextSchemas.remove(key(def.group(), def.version(), def.plural()));
    } else {
      nextSchemas.put(key(def.group(), def.version(), def.plural()), schema);
    }
    schemas = Map.copyOf(nextSchemas);
    List<ResourceDefinition> next = new ArrayList<>();
    boolean replaced = false;
    for (ResourceDefinition r : resources) {
      if (same(r, def.group(), def.version(), def.plural())) {
        next.add(def);
        replaced = true;
      } else {
        next.add(r);
      }
    }
    if (!replaced) {
      next.add(def);
    }
    resources = List.copyOf(next);
  }

  /** Removes every version of {@code plural.group}. */
  public synchronized void unregister(String group, String plural) {
    resources = resources.stream().filter(r -> !(r.group().equals(group) && r.plural().equals(plural))).toList();
    Map<String, StructuralSchema> nextSchemas = new HashMap<>(schemas);
    nextSchemas.keySet().removeIf(k -> k.startsWith(group + "/") && k.endsWith("/" + plural));
    schemas = Map.copyOf(nextSchemas);
  }

  /** The schema of the objects served as {@code def}, or null when they have none. */
  StructuralSchema schema(ResourceDefinition def) {
    return schemas.get(key(def.group(), def.version(), def.plural()));
  }

  private static String key(String group, String version, String plural) {
    return group + "/" + version + "/" + plural;
  }

  /** The definition served at {@code group/version/plural}, or null. */
  public ResourceDefinition find(String group, String version, String plural) {
    for (ResourceDefinition r : resources) {
      if (same(r, group, version, plural)) {
        return r;
      }
    }
    return null;
  }

  /** Any served version of {@code plural.group}, or null. */
  public ResourceDefinition findAnyVersion(String group, String plural) {
    for (ResourceDefinition r : resources) {
      if (r.group().equals(group) && r.plural().equals(plural)) {
        return r;
      }
    }
    return null;
  }

  /** All definitions, in registration order. */
  public List<ResourceDefinition> all() { return resources; }

  /** Group name → its versions in registration order (the first is preferred); core is {@code ""}. */
  public Map<String, List<String>> groups() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (ResourceDefinition r : resources) {
      List<String> versions = out.computeIfAbsent(r.group(), g -> new ArrayList<>());
      if (!versions.contains(r.version())) {
        versions.add(r.version());
      }
    }
    return out;
  }

  /** The definitions served in one group version. */
  public List<ResourceDefinition> inGroupVersion(String group, String version) {
    return resources.stream().filter(r -> r.group().equals(group) && r.version().equals(version)).toList();
  }

  private static boolean same(ResourceDefinition r, String group, String version, String plural) {
    return r.group().equals(group) && r.version().equals(version) && r.plural().equals(plural);
  }
}
