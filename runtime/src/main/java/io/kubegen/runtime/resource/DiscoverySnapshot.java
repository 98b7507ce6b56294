package io.kubegen.runtime.resource;

import io.kubegen.runtime.api.GroupVersionKind;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.dynamic.ApiGroup;
import io.kubegen.runtime.dynamic.ApiResource;
import io.kubegen.runtime.dynamic.ApiResourceList;
import io.kubegen.runtime.dynamic.DiscoveryClient;
import io.kubegen.runtime.rest.KubeClientException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What discovery said at one moment, indexed for lookups: every served resource (no subresources)
 * in priority order: groups in the server's order (core first), and within a group the preferred
 * version first, then the others in the server's order. Immutable and thread-safe once built.
 */
final class DiscoverySnapshot {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoverySnapshot.class);

  /** One served resource of one group version. */
  record Entry(GroupVersionResource resource, GroupVersionKind kind, boolean namespaced, String singular,
      List<String> shortNames) {

    RestMapping mapping() {
      return new RestMapping(resource, kind, namespaced);
    }

    boolean isNamed(String lowerCaseName) {
      return resource.resource().equals(lowerCaseName) || singular.equals(lowerCaseName);
    }
  }

  private final List<Entry> entries;
  /** Group versions whose resource list could not be read, with the reason. */
  private final Map<String, String> failedGroupVersions;

  private DiscoverySnapshot(List<Entry> entries, Map<String, String> failedGroupVersions) {
    this.entries = List.copyOf(entries);
    this.failedGroupVersions = Map.copyOf(failedGroupVersions);
  }

  /** Reads every group and every served version's resources. A group version that fails is left out and logged. */
  static DiscoverySnapshot read(DiscoveryClient discovery) {
    List<Entry> entries = new ArrayList<>();
    Map<String, String> failed = new LinkedHashMap<>();
    for (ApiGroup group : discovery.serverGroups().groups()) {
      for (String version : versionsInPriorityOrder(group)) {
        String groupVersion = group.name().isEmpty() ? version : group.name() + "/" + version;
        ApiResourceList list;
        try {
          list = discovery.serverResourcesForGroupVersion(groupVersion);
        } catch (KubeClientException e) {
          LOG.warn("discovery of {} failed; its resources cannot be mapped: {}", groupVersion, e.getMessage());
          failed.put(groupVersion, e.getMessage());
          continue;
        }
        for (ApiResource r : list.resources()) {
          if (r.isSubresource() || r.name() == null || r.name().isEmpty() || r.kind() == null) {
            continue;
          }
          String g = r.group() != null && !r.group().isEmpty() ? r.group() : group.name();
          String v = r.version() != null && !r.version().isEmpty() ? r.version() : version;
          String singular = r.singularName() != null && !r.singularName().isEmpty()
              ? r.singularName() : r.kind().toLowerCase(Locale.ROOT);
          entries.add(new Entry(new GroupVersionResource(g, v, r.name()), new GroupVersionKind(g, v, r.kind()),
              r.namespaced(), singular, r.shortNames()));
        }
      }
    }
    return new DiscoverySnapshot(entries, failed);
  }

  private static List<String> versionsInPriorityOrder(ApiGroup group) {
    List<String> versions = new ArrayList<>();
    if (group.preferredVersion() != null && group.preferredVersion().version() != null) {
      versions.add(group.preferredVersion().version());
    }
    for (ApiGroup.GroupVersionForDiscovery v : group.versions()) {
      if (v.version() != null && !versions.contains(v.version())) {
        versions.add(v.version());
      }
    }
    return versions;
  }

  /** The entry of {@code group}/{@code version} (any version when "") with exactly {@code kind}, or null. */
  Entry byKind(String group, String version, String kind, boolean ignoreCase) {
    for (Entry e : entries) {
      GroupVersionKind k = e.kind();
      boolean kindMatches = ignoreCase ? k.kind().equalsIgnoreCase(kind) : k.kind().equals(kind);
      if (kindMatches && k.group().equals(group) && (version.isEmpty() || k.version().equals(version))) {
        return e;
      }
    }
    return null;
  }

  /** The first entry of any group named {@code kind} (case-insensitive), or null. */
  Entry byKindInAnyGroup(String kind) {
    for (Entry e : entries) {
      if (e.kind().kind().equalsIgnoreCase(kind)) {
        return e;
      }
    }
    return null;
  }

  /**
   * The entry whose plural or singular is {@code name} (lower-cased here), in {@code group}
   * ({@code null}: any group) and {@code version} ("" any), or null.
   */
  Entry byResource(String group, String version, String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (Entry e : entries) {
      GroupVersionResource r = e.resource();
      if (e.isNamed(lower) && (group == null || r.group().equals(group)) && (version.isEmpty() || r.version().equals(version))) {
        return e;
      }
    }
    return null;
  }

  /** The entry with short name {@code shortName} in {@code group} ({@code null}: any group), or null. */
  Entry byShortName(String group, String shortName) {
    String lower = shortName.toLowerCase(Locale.ROOT);
    for (Entry e : entries) {
      if ((group == null || e.resource().group().equals(group)) && e.shortNames().contains(lower)) {
        return e;
      }
    }
    return null;
  }

  /** Why {@code groupVersion}'s resources are unknown, or null when discovery of it worked. */
  String failureOf(String groupVersion) {
    return failedGroupVersions.get(groupVersion);
  }

  int size() {
    return entries.size();
  }
}
