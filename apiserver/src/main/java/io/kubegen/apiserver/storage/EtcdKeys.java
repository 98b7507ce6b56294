package io.kubegen.apiserver.storage;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where objects live in etcd, laid out as kube-apiserver lays them out:
 * {@code <prefix>/<resource path>/<namespace>/<name>} (cluster-scoped: no namespace segment).
 * The built-in resources use kube-apiserver's own paths ({@code configmaps}, {@code pods},
 * {@code services/specs}, {@code minions} for nodes, {@code deployments}, {@code leases},
 * {@code apiextensions.k8s.io/customresourcedefinitions}); every other resource is stored as
 * kube-apiserver stores custom resources: {@code <group>/<plural>} ({@code <plural>} for the
 * core group). Immutable and thread-safe.
 */
final class EtcdKeys {
  /** kube-apiserver's storage paths for the resources kubegen's server has built in, by {@code plural[.group]}. */
  private static final Map<String, String> BUILT_IN = Map.ofEntries(
      Map.entry("namespaces", "namespaces"),
      Map.entry("nodes", "minions"),
      Map.entry("configmaps", "configmaps"),
      Map.entry("secrets", "secrets"),
      Map.entry("pods", "pods"),
      Map.entry("services", "services/specs"),
      Map.entry("endpoints", "services/endpoints"),
      Map.entry("events", "events"),
      Map.entry("deployments.apps", "deployments"),
      Map.entry("leases.coordination.k8s.io", "leases"),
      Map.entry("customresourcedefinitions.apiextensions.k8s.io", "apiextensions.k8s.io/customresourcedefinitions"));

  private final String prefix;

  /** Keys under {@code prefix}, such as {@code /registry} (no trailing slash). */
  EtcdKeys(String prefix) {
    this.prefix = normalize(prefix);
  }

  /** A prefix with a leading and without a trailing slash; rejects anything else that would not be a clean key path. */
  static String normalize(String prefix) {
    String p = prefix.trim();
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (!p.isEmpty() && !p.startsWith("/")) {
      p = "/" + p;
    }
    return p;
  }

  /** The prefix, such as {@code /registry}. */
  String prefix() { return prefix; }

  /** The path of a resource below the prefix, such as {@code configmaps} or {@code samplecontroller.k8s.io/foos}. */
  static String resourcePath(String resource) {
    String known = BUILT_IN.get(resource);
    if (known != null) {
      return known;
    }
    int dot = resource.indexOf('.');
    return dot < 0 ? resource : resource.substring(dot + 1) + "/" + resource.substring(0, dot);
  }

  /** The key prefix of every object of {@code resource}, ending with a slash. */
  String resourcePrefix(String resource) {
    return prefix + "/" + resourcePath(resource) + "/";
  }

  /** The key prefix of the objects of {@code resource} in {@code namespace} (all when null), ending with a slash. */
  String scopePrefix(String resource, String namespace) {
    return namespace == null ? resourcePrefix(resource) : resourcePrefix(resource) + namespace + "/";
  }

  /** The key of one object. */
  ByteString key(String resource, String namespace, String name) {
    return bytes(resourcePrefix(resource) + StoredObject.keyOf(namespace, name));
  }

  /** The storage key ({@code namespace/name} or {@code name}) of an etcd key under {@code resourcePrefix}. */
  static String relative(String resourcePrefix, ByteString key) {
    String k = key.toStringUtf8();
    if (!k.startsWith(resourcePrefix)) {
      throw new IllegalArgumentException("key " + k + " is not under " + resourcePrefix);
    }
    return k.substring(resourcePrefix.length());
  }

  /** The first key after every key that starts with {@code prefix}: the end of a prefix range. */
  static ByteString prefixEnd(String prefix) {
    byte[] b = prefix.getBytes(StandardCharsets.UTF_8);
    for (int i = b.length - 1; i >= 0; i--) {
      if (b[i] != (byte) 0xff) {
        b[i]++;
        return ByteString.copyFrom(b, 0, i + 1);
      }
    }
    return ByteString.copyFrom(new byte[] {0});
  }

  static ByteString bytes(String s) {
    return ByteString.copyFromUtf8(s);
  }
}
