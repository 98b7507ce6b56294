package io.kubegen.maven;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The generators the plugin can run, by the name users give in the {@code generators}
 * parameter, each with the class name of its annotation processor.
 *
 * <p>Immutable and thread-safe.
 */
public enum Generator {
  /** client-gen: {@code Clientset}, typed clients and {@code FakeClientset}. */
  CLIENT("client", "io.kubegen.clientgen.ClientGenProcessor"),
  /** lister-gen: {@code FooLister} and {@code FooNamespaceLister}. */
  LISTER("lister", "io.kubegen.listergen.ListerGenProcessor"),
  /** informer-gen: {@code FooInformer} and {@code SharedInformerFactory}. */
  INFORMER("informer", "io.kubegen.informergen.InformerGenProcessor");

  private final String id;
  private final String processorClassName;

  Generator(String id, String processorClassName) {
    this.id = id;
    this.processorClassName = processorClassName;
  }

  /** The name used in the plugin configuration, such as {@code client}. */
  public String id() {
    return id;
  }

  /** The fully qualified class name of the annotation processor that implements this generator. */
  public String processorClassName() {
    return processorClassName;
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

  /** The generators named in {@code names}; all of them when {@code names} is null or empty. */
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
    return selected.isEmpty() ? EnumSet.allOf(Generator.class) : selected;
  }
}
