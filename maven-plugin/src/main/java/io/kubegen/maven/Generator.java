package io.kubegen.maven;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The generators the plugin can run, by the name users give in the {@code generators}
 * parameter: the ids of the generator steps of kubegen's processor, passed on as
 * {@code -Akubegen.generators}.
 *
 * <p>Immutable and thread-safe.
 */
public enum Generator {
  /** client-gen: {@code Clientset}, typed clients and {@code FakeClientset}. */
  CLIENT("client", "io.kubegen:kubegen-client-gen", true),
  /** lister-gen: {@code FooLister} and {@code FooNamespaceLister}. */
  LISTER("lister", "io.kubegen:kubegen-lister-gen", true),
  /** informer-gen: {@code FooInformer} and {@code SharedInformerFactory}; needs client and lister. */
  INFORMER("informer", "io.kubegen:kubegen-informer-gen", true),
  /**
   * crd-gen: CustomResourceDefinition YAML files with OpenAPI schemas and the
   * {@code CustomResourceDefinitions} accessor. Only when asked for: its schema rules can fail a
   * model that the other generators accept.
   */
  CRD("crd", "io.kubegen:kubegen-crd-gen", false);

  private final String id;
  private final String artifact;
  private final boolean byDefault;

  Generator(String id, String artifact, boolean byDefault) {
    this.id = id;
    this.artifact = artifact;
    this.byDefault = byDefault;
  }

  /** The name used in the plugin configuration and in {@code -Akubegen.generators}, such as {@code client}. */
  public String id() {
    return id;
  }

  /** The module that provides the generator step, such as {@code io.kubegen:kubegen-client-gen}. */
  public String artifact() {
    return artifact;
  }

  /**
   * The generator with the given name, ignoring case and surrounding blanks.
   *
   * @throws IllegalArgumentException naming the allowed values when there is none
   */
  public static Generator fromId(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (Generator generator : values()) {
      if (generator.id.equals(wanted)) {
        return generator;
      }
    }
    throw new IllegalArgumentException("Unknown generator '" + name + "'; use any of "
        + Arrays.stream(values()).map(Generator::id).collect(Collectors.joining(", ")));
  }

  /**
   * The generators named in {@code names}; when {@code names} is null or empty, the default ones:
   * client, lister and informer (crd only when named).
   */
  public static Set<Generator> select(Iterable<String> names) {
    EnumSet<Generator> selected = EnumSet.noneOf(Generator.class);
    if (names != null) {
      for (String name : names) {
        for (String part : name.split(",")) {
          if (!part.isBlank()) {
            selected.add(fromId(part));
          }
        }
      }
    }
    if (selected.isEmpty()) {
      Arrays.stream(values()).filter(g -> g.byDefault).forEach(selected::add);
    }
    return selected;
  }

  /** The value of {@code -Akubegen.generators} for {@code generators}: their ids, comma-separated, in order. */
  public static String option(Set<Generator> generators) {
    return generators.stream().sorted().map(Generator::id).collect(Collectors.joining(","));
  }
}
