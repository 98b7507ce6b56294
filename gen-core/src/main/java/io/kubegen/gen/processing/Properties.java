package io.kubegen.gen.processing;

import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Finds bean properties and record components on a type, the way Jackson sees them: a record
 * component {@code x} (accessor {@code x()}), or a public getter {@code getX()} ({@code isX()} for
 * booleans), inherited ones included. Used on javac's processing thread.
 */
public final class Properties {
  private final Elements elements;

  /** Properties looked up through the compiler's elements. */
  public Properties(Elements elements) {
    this.elements = elements;
  }

  /** The accessor of property {@code name} on {@code type}, if there is one. */
  public Optional<ExecutableElement> accessor(TypeElement type, String name) {
    if (type.getKind() == ElementKind.RECORD) {
      for (RecordComponentElement c : type.getRecordComponents()) {
        if (c.getSimpleName().contentEquals(name) && c.getAccessor() != null) {
          return Optional.of(c.getAccessor());
        }
      }
    }
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (!isGetterShape(m)) {
        continue;
      }
      String n = m.getSimpleName().toString();
      if (n.equals("get" + cap)
          || (n.equals("is" + cap) && m.getReturnType().getKind() == TypeKind.BOOLEAN)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code type} has a property {@code name}. */
  public boolean has(TypeElement type, String name) {
    return accessor(type, name).isPresent();
  }

  /** Whether {@code type} or a superclass declares a field named {@code name} (any visibility). */
  public boolean hasField(TypeElement type, String name) {
    for (TypeElement t = type; t != null; t = superclass(t)) {
      for (Element f : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        if (f.getSimpleName().contentEquals(name) && !f.getModifiers().contains(Modifier.STATIC)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether {@code type} (or a supertype) has a public one-argument method {@code name}. */
  public boolean hasSetter(TypeElement type, String name) {
    for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (m.getSimpleName().contentEquals(name) && m.getParameters().size() == 1
          && m.getModifiers().contains(Modifier.PUBLIC) && !m.getModifiers().contains(Modifier.STATIC)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isGetterShape(ExecutableElement m) {
    Set<Modifier> mods = m.getModifiers();
    return mods.contains(Modifier.PUBLIC) && !mods.contains(Modifier.STATIC)
        && m.getParameters().isEmpty() && m.getReturnType().getKind() != TypeKind.VOID;
  }

  private static TypeElement superclass(TypeElement t) {
    if (t.getSuperclass().getKind() != TypeKind.DECLARED) {
      return null;
    }
    return (TypeElement) ((javax.lang.model.type.DeclaredType) t.getSuperclass()).asElement();
  }
}
