package io.kubegen.listergen;

import com.palantir.javapoet.CodeBlock;
import io.kubegen.gen.model.IndexDescriptor;
import io.kubegen.gen.model.PropertyStep;
import io.kubegen.gen.model.PropertyStep.Shape;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;

/**
 * Writes a {@code @GenIndex} index function as a lambda over a {@link Stream} of plain accessor
 * calls along the resolved path, no reflection: a null on the way yields no key; a collection
 * step indexes (or follows) every non-null element; a map as the last step yields
 * {@code key=value} per entry; a map followed by a segment looks that key up. Keys are
 * {@code String.valueOf} of the end values. Stateless.
 */
final class IndexFunctionWriter {
  /** The lambda parameter holding the object. */
  static final String OBJECT = "obj";

  private IndexFunctionWriter() {}

  /** {@code obj -> Stream...toList()}: the index function of {@code index}. */
  static CodeBlock lambda(IndexDescriptor index) {
    List<PropertyStep> steps = index.steps();
    CodeBlock.Builder code = CodeBlock.builder().add("$L -> ", OBJECT);
    String previous = OBJECT;
    for (int i = 0; i < steps.size(); i++) {
      PropertyStep s = steps.get(i);
      String read = s.shape() == Shape.MAP_LOOKUP ? "get(\"" + s.name() + "\")" : s.accessor() + "()";
      if (i == 0) {
        code.add("$T.$L($L.$L)", Stream.class, s.primitive() ? "of" : "ofNullable", OBJECT, read);
      } else {
        String p = parameter(previous);
        code.add("$Z.map($L -> $L.$L)", p, p, read);
        if (!s.primitive()) {
          code.add("$Z.filter($T::nonNull)", Objects.class);
        }
      }
      if (s.shape() == Shape.COLLECTION) {
        code.add("$Z.flatMap($T::stream)$Z.filter($T::nonNull)", Collection.class, Objects.class);
        previous = element(s.name());
      } else {
        previous = s.name();
      }
    }
    if (steps.get(steps.size() - 1).shape() == Shape.MAP) {
      String p = parameter(previous);
      code.add("$Z.flatMap($L -> $L.entrySet().stream())", p, p)
          .add("$Z.filter(entry -> entry.getValue() != null)")
          .add("$Z.map(entry -> entry.getKey() + $S + entry.getValue())", "=");
    } else {
      code.add("$Z.map(String::valueOf)");
    }
    return code.add("$Z.toList()").build();
  }

  /** The lambda parameter for a value read at {@code segment}: the segment, when it can be one. */
  private static String parameter(String segment) {
    boolean usable = SourceVersion.isIdentifier(segment) && !SourceVersion.isKeyword(segment)
        && !segment.equals(OBJECT) && !segment.equals("entry");
    return usable ? segment : "value";
  }

  /** The name of an element of the collection at {@code segment}: {@code owners} → {@code owner}. */
  private static String element(String segment) {
    if (segment.length() > 1 && segment.endsWith("s") && !segment.endsWith("ss") && !segment.endsWith("us")
        && !segment.endsWith("is")) {
      return segment.substring(0, segment.length() - 1);
    }
    return segment + "Item";
  }
}
