package io.kubegen.gen.processing;

import io.kubegen.gen.model.PropertyStep;
import io.kubegen.gen.model.PropertyStep.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Resolves a dotted {@code @GenIndex} path such as {@code spec.owner} or
 * {@code metadata.labels.app} into a chain of {@link PropertyStep}s. Collections fan out (later
 * steps apply to each element); a map followed by a segment is a key lookup. Used on javac's
 * processing thread.
 */
public final class PropertyResolver {
  private final Types types;
  private final Elements elements;
  private final Properties properties;

  /** A resolver over the compiler's types and elements. */
  public PropertyResolver(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
    this.properties = new Properties(elements);
  }

  /**
   * The outcome: the steps, or why the path does not resolve.
   *
   * @param steps the steps when resolved, else empty
   * @param error what is wrong, or null
   */
  public record Resolution(List<PropertyStep> steps, String error) {
    /** Whether the path resolved. */
    public boolean resolved() {
      return error == null;
    }
  }

  /** Resolves {@code path} starting at {@code type}. */
  public Resolution resolve(TypeElement type, String path) {
    if (path.isBlank()) {
      return failure("the path is empty");
    }
    String[] segments = path.split("\\.", -1);
    List<PropertyStep> steps = new ArrayList<>();
    TypeMirror current = type.asType();
    String currentName = type.getSimpleName().toString();
    boolean afterMap = false;
    for (String segment : segments) {
      if (segment.isEmpty()) {
        return failure("it has an empty segment");
      }
      if (afterMap) {
        steps.add(new PropertyStep(segment, null, Shape.MAP_LOOKUP, false));
        afterMap = false;
        currentName = currentName + "[" + segment + "]";
        continue;
      }
      if (current.getKind() != TypeKind.DECLARED) {
        return failure(currentName + " is a " + current + ", which has no property " + segment);
      }
      DeclaredType declared = (DeclaredType) current;
      TypeElement element = (TypeElement) declared.asElement();
      Optional<ExecutableElement> accessor = properties.accessor(element, segment);
      if (accessor.isEmpty()) {
        return failure(element.getSimpleName() + " has no property " + segment
            + " (a record component, or a public get" + capitalise(segment) + "() method)");
      }
      TypeMirror returned = ((javax.lang.model.type.ExecutableType) types.asMemberOf(declared, accessor.get()))
          .getReturnType();
      String accessorName = accessor.get().getSimpleName().toString();
      boolean primitive = returned.getKind().isPrimitive();
      if (isSubtype(returned, "java.util.Collection")) {
        steps.add(new PropertyStep(segment, accessorName, Shape.COLLECTION, false));
        current = typeArgument(returned, "java.util.Collection", 0);
      } else if (isSubtype(returned, "java.util.Map")) {
        steps.add(new PropertyStep(segment, accessorName, Shape.MAP, false));
        current = typeArgument(returned, "java.util.Map", 1);
        afterMap = true;
      } else {
        steps.add(new PropertyStep(segment, accessorName, Shape.VALUE, primitive));
        current = returned;
      }
      currentName = segment;
    }
    return new Resolution(steps, null);
  }

  private boolean isSubtype(TypeMirror t, String name) {
    TypeElement target = elements.getTypeElement(name);
    return t.getKind() == TypeKind.DECLARED && target != null
        && types.isSubtype(types.erasure(t), types.erasure(target.asType()));
  }

  /** Type argument {@code index} of {@code t} seen as {@code supertypeName}; {@code Object} when raw. */
  private TypeMirror typeArgument(TypeMirror t, String supertypeName, int index) {
    for (TypeMirror s = t; s != null; s = supertypeOf(s, supertypeName)) {
      if (s.getKind() == TypeKind.DECLARED
          && ((TypeElement) ((DeclaredType) s).asElement()).getQualifiedName().contentEquals(supertypeName)) {
        List<? extends TypeMirror> args = ((DeclaredType) s).getTypeArguments();
        if (args.size() > index) {
          TypeMirror arg = args.get(index);
          if (arg.getKind() == TypeKind.WILDCARD) {
            TypeMirror bound = ((javax.lang.model.type.WildcardType) arg).getExtendsBound();
            return bound != null ? bound : elements.getTypeElement("java.lang.Object").asType();
          }
          return arg;
        }
        break;
      }
    }
    return elements.getTypeElement("java.lang.Object").asType();
  }

  /** The direct supertype of {@code t} on the way to {@code supertypeName}, or null. */
  private TypeMirror supertypeOf(TypeMirror t, String supertypeName) {
    TypeElement target = elements.getTypeElement(supertypeName);
    for (TypeMirror s : types.directSupertypes(t)) {
      if (types.isSubtype(types.erasure(s), types.erasure(target.asType()))) {
        return s;
      }
    }
    return null;
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static Resolution failure(String error) {
    return new Resolution(List.of(), error);
  }
}
