package io.kubegen.gen.model;

import io.kubegen.annotations.Verb;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * Everything the generators need to know about one {@code @GenClient} type, read and validated.
 * Immutable (the element is kept only as the originating element of generated files).
 *
 * @param element the annotated type
 * @param type the model type
 * @param groupVersion the API group and version
 * @param kind the kind, such as {@code Foo}
 * @param plural the lower-case resource name in URLs, such as {@code foos}
 * @param namespaced whether objects live in namespaces
 * @param hasStatus whether the type has a {@code status} property and {@code noStatus} is false
 * @param verbs the resolved verb set ({@code readonly}, {@code noVerbs}, {@code onlyVerbs},
 *     {@code skipVerbs} and status presence applied), in {@link Verb} order
 * @param methods the extra methods, in annotation order
 * @param indexes the indexes, in annotation order
 */
public record ResourceDescriptor(
    TypeElement element,
    TypeRef type,
    ApiGroupVersion groupVersion,
    String kind,
    String plural,
    boolean namespaced,
    boolean hasStatus,
    Set<Verb> verbs,
    List<ExtraMethod> methods,
    List<IndexDescriptor> indexes) {

  public ResourceDescriptor {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(groupVersion, "groupVersion");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(plural, "plural");
    verbs = Collections.unmodifiableSet(verbs.isEmpty() ? EnumSet.noneOf(Verb.class) : EnumSet.copyOf(verbs));
    methods = List.copyOf(methods);
    indexes = List.copyOf(indexes);
  }

  /** Whether the typed client has {@code verb}. */
  public boolean has(Verb verb) {
    return verbs.contains(verb);
  }

  /** Whether the type can be listed and watched: what listers and informers need. */
  public boolean isListWatchable() {
    return verbs.contains(Verb.LIST) && verbs.contains(Verb.WATCH);
  }

  /**
   * The accessor name on group-version clients and informer factories: the lower-camel plural
   * of the kind ({@code foos}, {@code configMaps}); when {@code plural} was set to something else,
   * that plural (made a Java identifier).
   */
  public String accessorName() {
    String fromKind = Naming.resourceAccessor(kind);
    if (fromKind.equalsIgnoreCase(plural)) {
      return fromKind;
    }
    return Naming.identifierSafe(plural.replace("-", ""));
  }

  /** The simple name of a generated per-resource type: {@code kind + suffix}, such as {@code FooClient}. */
  public String generatedName(String suffix) {
    return kind + suffix;
  }

  /** The model type's simple name, such as {@code Foo}. */
  public String simpleName() {
    return type.simpleName();
  }

  @Override
  public String toString() {
    return "ResourceDescriptor{" + groupVersion + " " + kind + " (" + plural + ") " + type + " " + verbs + "}";
  }
}
