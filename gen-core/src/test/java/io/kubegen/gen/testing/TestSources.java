package io.kubegen.gen.testing;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/**
 * Model sources for the generator modules' diagnostic tests, written line by line so a test can
 * name the line of a problem, and the compilations that run processors over them. Stateless.
 */
public final class TestSources {
  private TestSources() {}

  /** A source file {@code qualifiedName} made of {@code lines}, line 1 first. */
  public static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  /**
   * A POJO resource {@code pkg.Name} with metadata; {@code annotations} go on the line before the
   * class (line 6), {@code body} after the metadata accessors.
   */
  public static JavaFileObject pojo(String pkg, String name, String annotations, String... body) {
    return pojoInGroup("example.com", pkg, name, annotations, body);
  }

  /** As {@link #pojo}, in API group {@code group}, version v1. */
  public static JavaFileObject pojoInGroup(String group, String pkg, String name, String annotations, String... body) {
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

  /**
   * A record resource {@code com.example.Name(apiVersion, kind, metadata)} in group example.com,
   * version v1. Line 6 is {@code @GroupVersion}; {@code annotationLines} follow it one a line, from
   * line 7, and the record declaration comes right after them.
   */
  public static JavaFileObject record(String name, String... annotationLines) {
    String[] head = {
        "package com.example;",
        "",
        "import io.kubegen.annotations.*;",
        "import io.kubegen.runtime.api.*;",
        "",
        "@GroupVersion(group = \"example.com\", version = \"v1\")",
    };
    String[] tail = {
        "public record " + name + "(String apiVersion, String kind, ObjectMeta metadata) implements KubernetesObject {",
        "  @Override public String getApiVersion() { return apiVersion; }",
        "  @Override public String getKind() { return kind; }",
        "  @Override public ObjectMeta getMetadata() { return metadata; }",
        "}",
    };
    String[] all = new String[head.length + annotationLines.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(annotationLines, 0, all, head.length, annotationLines.length);
    System.arraycopy(tail, 0, all, head.length + annotationLines.length, tail.length);
    return source("com.example." + name, all);
  }

  /** Compiles {@code sources} with {@code processor}. */
  public static Compilation compile(Processor processor, JavaFileObject... sources) {
    return javac().withProcessors(processor).compile(sources);
  }

  /** Compiles {@code sources} with {@code processor} and one compiler {@code option}. */
  public static Compilation compile(Processor processor, String option, JavaFileObject... sources) {
    return javac().withProcessors(processor).withOptions(option).compile(sources);
  }
}
