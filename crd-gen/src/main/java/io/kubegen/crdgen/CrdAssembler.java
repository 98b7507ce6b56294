package io.kubegen.crdgen;

import io.kubegen.annotations.Verb;
import io.kubegen.crdgen.CrdSettings.PrinterColumn;
import io.kubegen.gen.model.ExtraMethod;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.processing.Diagnostic;
import io.kubegen.gen.processing.Diagnostics;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;

/**
 * Builds the {@code apiextensions.k8s.io/v1} CustomResourceDefinition of one group and kind from
 * all its versions in the compilation: the names and scope they share, the storage version, and per
 * version the schema, subresources and printer columns. Problems are reported and the CRD is then
 * left out. Used on javac's processing thread.
 */
final class CrdAssembler {
  private static final Set<String> COLUMN_TYPES = Set.of("integer", "number", "string", "boolean", "date");
  private static final Pattern SIMPLE_PATH = Pattern.compile("(\\.[A-Za-z_$][A-Za-z0-9_$-]*)+");
  private static final Pattern VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");
  /** Groups whose CRDs the API server only accepts with an approval annotation. */
  private static final List<String> PROTECTED_GROUP_SUFFIXES = List.of("k8s.io", "kubernetes.io");

  private final ProcessingEnvironment env;
  private final Diagnostics diagnostics;

  CrdAssembler(ProcessingEnvironment env, Diagnostics diagnostics) {
    this.env = env;
    this.diagnostics = diagnostics;
  }

  /**
   * One generated CRD.
   *
   * @param fileName {@code <plural>.<group>.yaml}
   * @param document the CRD as a JSON-like tree
   * @param types the resource types it was made from
   */
  record Crd(String fileName, Map<String, Object> document, List<TypeElement> types) {}

  /** The CRD of {@code versions} (one group and kind, at least one version); empty when not valid. */
  Optional<Crd> assemble(List<ResourceDescriptor> versions) {
    List<ResourceDescriptor> sorted = new ArrayList<>(versions);
    sorted.sort(Comparator.comparing((ResourceDescriptor r) -> r.groupVersion().version(), CrdAssembler::byPriority));
    ResourceDescriptor first = sorted.get(0);
    String group = first.groupVersion().group();
    String name = first.plural() + "." + group;
    Map<ResourceDescriptor, CrdSettings> settings = new LinkedHashMap<>();
    sorted.forEach(r -> settings.put(r, CrdSettings.of(r.element())));

    boolean ok = agree(sorted, name, "the scope", r -> r.namespaced() ? "Namespaced" : "Cluster", settings, false)
        & agree(sorted, name, "the plural", ResourceDescriptor::plural, settings, false)
        & agree(sorted, name, "the singular name", r -> settings.get(r).singular(), settings, true)
        & agree(sorted, name, "the short names", r -> String.join(",", settings.get(r).shortNames()), settings, true)
        & agree(sorted, name, "the categories", r -> String.join(",", settings.get(r).categories()), settings, true);
    ResourceDescriptor storage = storageVersion(sorted, settings, name);
    List<Map<String, Object>> versionEntries = new ArrayList<>();
    for (ResourceDescriptor r : sorted) {
      Optional<Map<String, Object>> entry = version(r, settings.get(r), r == storage);
      ok &= entry.isPresent();
      entry.ifPresent(versionEntries::add);
    }
    if (!ok || storage == null) {
      return Optional.empty();
    }

    Map<String, Object> names = new LinkedHashMap<>();
    names.put("kind", first.kind());
    names.put("listKind", first.kind() + "List");
    names.put("plural", first.plural());
    String singular = firstNonEmpty(sorted, r -> settings.get(r).singular());
    names.put("singular", singular.isEmpty() ? first.kind().toLowerCase(Locale.ROOT) : singular);
    List<String> shortNames = settings.values().stream().map(CrdSettings::shortNames).filter(l -> !l.isEmpty()).findFirst().orElse(List.of());
    if (!shortNames.isEmpty()) {
      names.put("shortNames", shortNames);
    }
    List<String> categories = settings.values().stream().map(CrdSettings::categories).filter(l -> !l.isEmpty()).findFirst().orElse(List.of());
    if (!categories.isEmpty()) {
      names.put("categories", categories);
    }

    Map<String, Object> metadata = new LinkedHashMap<>();
    if (PROTECTED_GROUP_SUFFIXES.stream().anyMatch(s -> group.equals(s) || group.endsWith("." + s))) {
      metadata.put("annotations", Map.of("api-approved.kubernetes.io",
          "unapproved, experimental-only; please get an approval from Kubernetes API reviewers if you're trying to develop a CRD in the *.k8s.io or *.kubernetes.io groups"));
    }
    metadata.put("name", name);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("group", group);
    spec.put("names", names);
    spec.put("scope", first.namespaced() ? "Namespaced" : "Cluster");
    spec.put("versions", versionEntries);
    Map<String, Object> crd = new LinkedHashMap<>();
    crd.put("apiVersion", "apiextensions.k8s.io/v1");
    crd.put("kind", "CustomResourceDefinition");
    crd.put("metadata", metadata);
    crd.put("spec", spec);
    return Optional.of(new Crd(name + ".yaml", crd, sorted.stream().map(ResourceDescriptor::element).toList()));
  }

  private Optional<Map<String, Object>> version(ResourceDescriptor r, CrdSettings s, boolean storage) {
    Optional<Map<String, Object>> schema = new SchemaGenerator(env, diagnostics, r.kind()).resourceSchema(r.element());
    if (schema.isEmpty()) {
      return Optional.empty();
    }
    boolean ok = true;
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", r.groupVersion().version());
    entry.put("served", s.served());
    entry.put("storage", storage);
    if (s.deprecated()) {
      entry.put("deprecated", true);
      if (!s.deprecationWarning().isEmpty()) {
        entry.put("deprecationWarning", s.deprecationWarning());
      }
    }
    List<Map<String, Object>> columns = new ArrayList<>();
    for (PrinterColumn c : s.printerColumns()) {
      Optional<Map<String, Object>> column = column(r, c, schema.get());
      ok &= column.isPresent();
      column.ifPresent(columns::add);
    }
    if (!columns.isEmpty()) {
      entry.put("additionalPrinterColumns", columns);
    }
    entry.put("schema", Map.of("openAPIV3Schema", schema.get()));
    Map<String, Object> subresources = new LinkedHashMap<>();
    if (hasScale(r)) {
      Optional<Map<String, Object>> scale = scale(r, s, schema.get());
      ok &= scale.isPresent();
      scale.ifPresent(m -> subresources.put("scale", m));
    }
    if (r.hasStatus()) {
      subresources.put("status", Map.of());
    }
    if (!subresources.isEmpty()) {
      entry.put("subresources", subresources);
    }
    return ok ? Optional.of(entry) : Optional.empty();
  }

  private static boolean hasScale(ResourceDescriptor r) {
    for (ExtraMethod m : r.methods()) {
      if (m.subresource().equals("scale") && (m.verb() == Verb.GET || m.verb() == Verb.UPDATE || m.verb() == Verb.PATCH)) {
        return true;
      }
    }
    return false;
  }

  private Optional<Map<String, Object>> scale(ResourceDescriptor r, CrdSettings s, Map<String, Object> schema) {
    boolean ok = replicasPath(r, "specReplicasPath", s.specReplicasPath(), ".spec.", schema)
        & replicasPath(r, "statusReplicasPath", s.statusReplicasPath(), ".status.", schema);
    Map<String, Object> scale = new LinkedHashMap<>();
    if (!s.labelSelectorPath().isEmpty()) {
      Optional<Map<String, Object>> at = SchemaPaths.at(schema, s.labelSelectorPath());
      if (!(s.labelSelectorPath().startsWith(".spec.") || s.labelSelectorPath().startsWith(".status."))
          || at.isEmpty() || !"string".equals(at.get().get("type"))) {
        invalid(r, "labelSelectorPath \"" + s.labelSelectorPath()
            + "\" must name a string property under .spec or .status (the scale subresource's selector)");
        ok = false;
      }
      scale.put("labelSelectorPath", s.labelSelectorPath());
    }
    scale.put("specReplicasPath", s.specReplicasPath());
    scale.put("statusReplicasPath", s.statusReplicasPath());
    return ok ? Optional.of(scale) : Optional.empty();
  }

  private boolean replicasPath(ResourceDescriptor r, String attribute, String path, String prefix,
      Map<String, Object> schema) {
    Optional<Map<String, Object>> at = SchemaPaths.at(schema, path);
    if (path.startsWith(prefix) && at.isPresent() && "integer".equals(at.get().get("type"))) {
      return true;
    }
    invalid(r, attribute + " \"" + path + "\" must name an integer property under " + prefix.substring(0, prefix.length() - 1)
        + " for the scale subresource (a @GenClient.Method on subresource scale asks for one)");
    return false;
  }

  private Optional<Map<String, Object>> column(ResourceDescriptor r, PrinterColumn c, Map<String, Object> schema) {
    String what = "printer column \"" + c.name() + "\"";
    if (c.name().isBlank()) {
      invalid(r, "a printer column needs a name");
      return Optional.empty();
    }
    String type = c.type();
    if (!type.isEmpty() && !COLUMN_TYPES.contains(type)) {
      invalid(r, what + " has type \"" + type + "\": use integer, number, string, boolean or date");
      return Optional.empty();
    }
    if (!c.jsonPath().startsWith(".")) {
      invalid(r, what + ": jsonPath \"" + c.jsonPath() + "\" must start with a dot, such as .spec.replicas");
      return Optional.empty();
    }
    if (SIMPLE_PATH.matcher(c.jsonPath()).matches()) {
      Optional<Map<String, Object>> at = SchemaPaths.at(schema, c.jsonPath());
      if (at.isEmpty()) {
        invalid(r, what + ": jsonPath \"" + c.jsonPath() + "\" names no property of the schema");
        return Optional.empty();
      }
      if (type.isEmpty()) {
        type = columnType(at.get());
      }
    }
    if (type.isEmpty()) {
      invalid(r, what + ": cannot tell the column type of \"" + c.jsonPath() + "\": set type");
      return Optional.empty();
    }
    Map<String, Object> column = new LinkedHashMap<>();
    if (!c.description().isEmpty()) {
      column.put("description", c.description());
    }
    if (!c.format().isEmpty()) {
      column.put("format", c.format());
    }
    column.put("jsonPath", c.jsonPath());
    column.put("name", c.name());
    if (c.priority() != 0) {
      column.put("priority", c.priority());
    }
    column.put("type", type);
    return Optional.of(column);
  }

  private static String columnType(Map<String, Object> schema) {
    Object type = schema.get("type");
    if ("string".equals(type)) {
      return "date-time".equals(schema.get("format")) ? "date" : "string";
    }
    if ("integer".equals(type) || "number".equals(type) || "boolean".equals(type)) {
      return (String) type;
    }
    return "";
  }

  private ResourceDescriptor storageVersion(List<ResourceDescriptor> sorted, Map<ResourceDescriptor, CrdSettings> settings,
      String name) {
    if (sorted.size() == 1) {
      return sorted.get(0);
    }
    List<ResourceDescriptor> marked = sorted.stream().filter(r -> settings.get(r).storage()).toList();
    if (marked.size() == 1) {
      return marked.get(0);
    }
    String versions = String.join(", ", sorted.stream().map(r -> r.groupVersion().version()).toList());
    String problem = marked.isEmpty() ? "none is marked as storage"
        : String.join(", ", marked.stream().map(r -> r.groupVersion().version()).toList()) + " are all marked as storage";
    for (ResourceDescriptor r : marked.isEmpty() ? sorted : marked) {
      diagnostics.error(r.element(), Diagnostic.CRD_STORAGE_VERSION, name, versions, problem);
    }
    return null;
  }

  /** Whether every version has the same value (with {@code unsetAllowed}, the same or empty). */
  private boolean agree(List<ResourceDescriptor> sorted, String name, String what, Function<ResourceDescriptor, String> value,
      Map<ResourceDescriptor, CrdSettings> settings, boolean unsetAllowed) {
    ResourceDescriptor reference = null;
    for (ResourceDescriptor r : sorted) {
      String v = value.apply(r);
      if (unsetAllowed && v.isEmpty()) {
        continue;
      }
      if (reference == null) {
        reference = r;
        continue;
      }
      String expected = value.apply(reference);
      if (!expected.equals(v)) {
        diagnostics.error(r.element(), Diagnostic.CRD_VERSION_CONFLICT, r.type(), reference.type(), name, what,
            v.isEmpty() ? "none" : v, expected.isEmpty() ? "none" : expected);
        return false;
      }
    }
    return true;
  }

  private static String firstNonEmpty(List<ResourceDescriptor> sorted, Function<ResourceDescriptor, String> value) {
    return sorted.stream().map(value).filter(v -> !v.isEmpty()).findFirst().orElse("");
  }

  private void invalid(ResourceDescriptor r, String what) {
    diagnostics.error(r.element(), Diagnostic.CRD_INVALID_SETTING, r.type(), what);
  }

  /**
   * Kubernetes' version priority: GA before beta before alpha, higher numbers first, then others by
   * name.
   */
  static int byPriority(String a, String b) {
    Matcher ma = VERSION.matcher(a);
    Matcher mb = VERSION.matcher(b);
    boolean ka = ma.matches();
    boolean kb = mb.matches();
    if (ka != kb) {
      return ka ? -1 : 1;
    }
    if (!ka) {
      return a.compareTo(b);
    }
    int stage = Integer.compare(stage(mb), stage(ma));
    if (stage != 0) {
      return stage;
    }
    int major = Long.compare(Long.parseLong(mb.group(1)), Long.parseLong(ma.group(1)));
    if (major != 0) {
      return major;
    }
    return ma.group(3) == null ? 0 : Long.compare(Long.parseLong(mb.group(3)), Long.parseLong(ma.group(3)));
  }

  private static int stage(Matcher m) {
    return m.group(2) == null ? 2 : m.group(2).equals("beta") ? 1 : 0;
  }
}
