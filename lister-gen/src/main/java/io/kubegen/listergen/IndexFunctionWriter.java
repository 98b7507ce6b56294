package io.kubegen.listergen;

import com.palantir.javapoet.CodeBlock;
import io.kubegen.gen.model.IndexDescriptor;
import io.kubegen.gen.model.PropertyStep;
import io.kubegen.gen.model.PropertyStep.Shape;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Writes the body of a {@code @GenIndex} index function: plain accessor calls along the resolved
 * path, no reflection. A null on the way yields no key; a collection step indexes (or follows)
 * every non-null element; a map as the last step yields {@code key=value} per entry; a map
 * followed by a segment looks that key up. Keys are {@code String.valueOf} of the end values.
 * Stateless.
 */
final class IndexFunctionWriter {
  /** The parameter holding the object. */
  static final String OBJECT = "obj";
  /** The local list the keys are added to. */
  static final String VALUES = "values";

  private IndexFunctionWriter() {}

  /** Statements that add the keys of {@code index} for {@code obj} to {@code values}. */
  static CodeBlock body(IndexDescriptor index) {
    CodeBlock.Builder code = CodeBlock.builder();
    Set<String> used = new HashSet<>(Set.of(OBJECT, VALUES));
    step(code, index.steps(), 0, OBJECT, used);
    return code.build();
  }

  private static void step(CodeBlock.Builder code, List<PropertyStep> steps, int i, String from, Set<String> used) {
    PropertyStep s = steps.get(i);
    boolean last = i == steps.size() - 1;
    String local = localName(s.name(), i, used);
    if (s.shape() == Shape.MAP_LOOKUP) {
      code.addStatement("var $L = $L.get($S)", local, from, s.name());
    } else {
      code.addStatement("var $L = $L.$L()", local, from, s.accessor());
    }
    boolean nullable = !s.primitive();
    if (nullable) {
      code.beginControlFlow("if ($L != null)", local);
    }
    switch (s.shape()) {
      case COLLECTION -> {
        String element = localName(s.name() + "Element", i, used);
        code.beginControlFlow("for (var $L : $L)", element, local);
        code.beginControlFlow("if ($L != null)", element);
        if (last) {
          code.addStatement("$L.add($T.valueOf($L))", VALUES, String.class, element);
        } else {
          step(code, steps, i + 1, element, used);
        }
        code.endControlFlow();
        code.endControlFlow();
      }
      case MAP -> {
        if (last) {
          String entry = localName(s.name() + "Entry", i, used);
          code.beginControlFlow("for (var $L : $L.entrySet())", entry, local);
          code.beginControlFlow("if ($L.getValue() != null)", entry);
          code.addStatement("$L.add($L.getKey() + $S + $L.getValue())", VALUES, entry, "=", entry);
          code.endControlFlow();
          code.endControlFlow();
        } else {
          step(code, steps, i + 1, local, used);
        }
      }
      case VALUE, MAP_LOOKUP -> {
        if (last) {
          code.addStatement("$L.add($T.valueOf($L))", VALUES, String.class, local);
        } else {
          step(code, steps, i + 1, local, used);
        }
      }
      default -> throw new IllegalStateException("unknown step shape " + s.shape());
    }
    if (nullable) {
      code.endControlFlow();
    }
  }

  /** A readable, unique local variable name for a path segment. */
  private static String localName(String segment, int depth, Set<String> used) {
    String name = SourceVersion.isIdentifier(segment) && !SourceVersion.isKeyword(segment) ? segment : "value" + depth;
    String candidate = name;
    for (int n = 2; !used.add(candidate); n++) {
      candidate = name + n;
    }
    return candidate;
  }
}
