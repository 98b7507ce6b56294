package io.kubegen.gen.processing;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/** Test sources: model classes written line by line, so tests can name the line of a problem. */
final class Sources {
  private Sources() {}

  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  /**
   * A POJO resource {@code pkg.Name} with metadata; {@code annotations} go on the line before the
   * class (line 6), {@code body} after the metadata accessors.
   */
  static JavaFileObject pojo(String pkg, String name, String annotations, String... body) {
    return pojoInGroup("example.com", pkg, name, annotations, body);
  }

  /** As {@link #pojo}, in API group {@code group}, version v1. */
  static JavaFileObject pojoInGroup(String group, String pkg, String name, String annotations, String... body) {
    String[] head = {
        "package " + pkg + ";",
        "import io.kubegen.annotations.*;",
        "import io.kubegen.runtime.api.*;",
        "import java.util.*;",
        "@GroupVersion(group = \"" + group + "\", version = \"v1\")",
        annotations,
        "public class " + name + " implements KubernetesObject {",
        "  private ObjectMeta metadata;",
        "  public String getApiVersion() { return \"example.com/v1\"; }",
        "  public String getKind() { return \"" + name + "\"; }",
        "  public ObjectMeta getMetadata() { return metadata; }",
        "  public void setMetadata(ObjectMeta m) { this.metadata = m; }",
    };
    String[] all = new String[head.length + body.length + 1];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    all[all.length - 1] = "}";
    return source(pkg + "." + name, all);
  }

  static Compilation compile(Processor processor, JavaFileObject... sources) {
    return javac().withProcessors(processor).compile(sources);
  }

  static Compilation compile(Processor processor, String option, JavaFileObject... sources) {
    return javac().withProcessors(processor).withOptions(option).compile(sources);
  }
}
