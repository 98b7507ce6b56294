package io.kubegen.gen.processing;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.SimpleAnnotationValueVisitor14;

/**
 * Finds the types a resource type refers to that javac could not resolve yet (types another
 * processor will generate in a later round): its supertypes, the types of its members, and the
 * class values of its annotations. Stateless.
 */
public final class Resolvability {
  private Resolvability() {}

  /** The unresolved type names {@code type} refers to; empty when everything resolved. */
  public static List<String> unresolved(TypeElement type) {
    List<String> out = new ArrayList<>();
    supertypes(type, out, 0);
    for (Element member : type.getEnclosedElements()) {
      if (member instanceof ExecutableElement m) {
        check(m.getReturnType(), out);
        m.getParameters().forEach(p -> check(p.asType(), out));
      } else if (member instanceof VariableElement v) {
        check(v.asType(), out);
      }
    }
    for (AnnotationMirror m : type.getAnnotationMirrors()) {
      annotation(m, out);
    }
    return out;
  }

  private static void supertypes(TypeElement type, List<String> out, int depth) {
    if (depth > 64) {
      return;
    }
    check(type.getSuperclass(), out);
    type.getInterfaces().forEach(i -> check(i, out));
    if (type.getSuperclass().getKind() == TypeKind.DECLARED) {
      supertypes((TypeElement) ((DeclaredType) type.getSuperclass()).asElement(), out, depth + 1);
    }
  }

  private static void annotation(AnnotationMirror m, List<String> out) {
    check(m.getAnnotationType(), out);
    for (AnnotationValue v : m.getElementValues().values()) {
      v.accept(new SimpleAnnotationValueVisitor14<Void, Void>() {
        @Override
        public Void visitType(TypeMirror t, Void unused) {
          check(t, out);
          return null;
        }

        @Override
        public Void visitAnnotation(AnnotationMirror a, Void unused) {
          annotation(a, out);
          return null;
        }

        @Override
        public Void visitArray(List<? extends AnnotationValue> values, Void unused) {
          values.forEach(x -> x.accept(this, null));
          return null;
        }

        @Override
        public Void visitString(String s, Void unused) {
          // javac hands an unresolvable class literal over as the string "<error>"
          if ("<error>".equals(s)) {
            out.add("<error>");
          }
          return null;
        }
      }, null);
    }
  }

  private static void check(TypeMirror t, List<String> out) {
    if (t.getKind() == TypeKind.ERROR) {
      out.add(t.toString());
    } else if (t.getKind() == TypeKind.DECLARED) {
      for (TypeMirror arg : ((DeclaredType) t).getTypeArguments()) {
        check(arg, out);
      }
    }
  }
}
