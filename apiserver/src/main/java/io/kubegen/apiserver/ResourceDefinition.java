package io.kubegen.apiserver;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A resource the embedded server serves: group, version, kind, plural, scope, and whether it
 * has a {@code /status} subresource. Immutable and thread-safe.
 *
 * <pre>{@code
 * server.register(ResourceDefinition.of("samplecontroller.k8s.io", "v1alpha1", "Foo", "foos", true)
 *     .withStatusSubresource());
 * }</pre>
 */
public final class ResourceDefinition {
  private static final Pattern PLURAL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern KIND = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  private static final Pattern VERSION = Pattern.compile("v[0-9]+((alpha|beta)[0-9]+)?");
  private static final Pattern GROUP =
      Pattern.compile("([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*)?");

  private final String group;
  private final String version;
  private final String kind;
  private final String plural;
  private final boolean namespaced;
  private final boolean statusSubresource;
  private final String singular;
  private final List<String> shortNames;

  private ResourceDefinition(String group, String version, String kind, String plural, boolean namespaced,
      boolean statusSubresource, String singular, List<String> shortNames) {
    this.group = group;
    this.version = version;
    this.kind = kind;
    this.plural = plural;
    this.namespaced = namespaced;
    this.statusSubresource = statusSubresource;
    this.singular = singular;
    this.shortNames = List.copyOf(shortNames);
  }

  /**
   * A resource without a status subresource.
   *
   * @param group the API group, {@code ""} for the core group
   * @param version such as {@code v1} or {@code v1alpha1}
   * @param kind such as {@code Foo}
   * @param plural the URL segment, such as {@code foos}
   * @param namespaced whether objects live in namespaces
   * @throws IllegalArgumentException naming the malformed part
   */
  public static ResourceDefinition of(String group, String version, String kind, String plural, boolean namespaced) {
    Objects.requireNonNull(group, "group (use \"\" for the core group)");
    require(GROUP, group, "group", "a DNS subdomain such as example.com, or \"\" for the core group");
    require(VERSION, version, "version", "such as v1, v1beta1 or v2alpha3");
    require(KIND, kind, "kind", "a CamelCase name such as Foo");
    require(PLURAL, plural, "plural", "lower-case letters, digits and '-', such as foos");
    return new ResourceDefinition(group, version, kind, plural, namespaced, false,
        kind.toLowerCase(Locale.ROOT), List.of());
  }

  private static void require(Pattern pattern, String value, String what, String expected) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException("invalid " + what + " \"" + value + "\": expected " + expected);
    }
  }

  /** This resource with a {@code /status} subresource: main writes keep status, status writes keep the rest. */
  public ResourceDefinition withStatusSubresource() {
    return new ResourceDefinition(group, version, kind, plural, namespaced, true, singular, shortNames);
  }

  /** This resource with short names for kubectl, such as {@code po} for pods. */
  public ResourceDefinition withShortNames(String... names) {
    for (String n : names) {
      require(PLURAL, n, "short name", "lower-case letters and digits");
    }
    return new ResourceDefinition(group, version, kind, plural, namespaced, statusSubresource, singular, List.of(names));
  }

  /** This resource with a singular name other than the lower-cased kind. */
  public ResourceDefinition withSingular(String name) {
    require(PLURAL, name, "singular name", "lower-case letters and digits");
    return new ResourceDefinition(group, version, kind, plural, namespaced, statusSubresource, name, shortNames);
  }

  /** The API group, {@code ""} for core. */
  public String group() { return group; }

  /** The version. */
  public String version() { return version; }

  /** The kind. */
  public String kind() { return kind; }

  /** The kind of lists, {@code <Kind>List}. */
  public String listKind() { return kind + "List"; }

  /** The plural, the URL segment. */
  public String plural() { return plural; }

  /** The singular name. */
  public String singular() { return singular; }

  /** The short names. */
  public List<String> shortNames() { return shortNames; }

  /** Whether objects live in namespaces. */
  public boolean namespaced() { return namespaced; }

  /** Whether the resource has a {@code /status} subresource. */
  public boolean hasStatusSubresource() { return statusSubresource; }

  /** {@code v1} for core, else {@code <group>/<version>}. */
  public String apiVersion() { return group.isEmpty() ? version : group + "/" + version; }

  /** The group-qualified resource name, {@code <plural>.<group>} (just the plural for core). */
  public String groupResource() { return group.isEmpty() ? plural : plural + "." + group; }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceDefinition r && group.equals(r.group) && version.equals(r.version)
        && kind.equals(r.kind) && plural.equals(r.plural) && namespaced == r.namespaced
        && statusSubresource == r.statusSubresource && singular.equals(r.singular) && shortNames.equals(r.shortNames);
  }

  @Override
  public int hashCode() { return Objects.hash(group, version, kind, plural, namespaced, statusSubresource); }

  @Override
  public String toString() {
    return "ResourceDefinition{" + apiVersion() + " " + kind + " " + plural
        + (namespaced ? " namespaced" : " cluster") + (statusSubresource ? " +status" : "") + "}";
  }
}
