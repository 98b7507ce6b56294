package io.kubegen.listergen;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Downstream code written against the generated lister API compiles: it imports
 * {@code <base>.listers.<g>.<v>.FooNamespaceLister} by that name (a top-level type beside
 * {@code FooLister}), keeps one in a field, passes it around and implements it.
 */
@Timeout(120)
class DownstreamSourceTest {
  private static final JavaFileObject DOWNSTREAM = JavaFileObjects.forSourceLines("com.example.app.FooReader",
      "package com.example.app;",
      "",
      "import com.example.generated.listers.core.v1.ConfigMapNamespaceLister;",
      "import com.example.generated.listers.samplecontroller.v1alpha1.FooLister;",
      "import com.example.generated.listers.samplecontroller.v1alpha1.FooNamespaceLister;",
      "import com.example.samplecontroller.v1alpha1.Foo;",
      "import io.kubegen.runtime.api.LabelSelector;",
      "import io.kubegen.runtime.listers.ScopedLister;",
      "import java.util.List;",
      "import java.util.Optional;",
      "",
      "public final class FooReader {",
      "  private final FooNamespaceLister foos;",
      "",
      "  public FooReader(FooLister lister, String namespace) {",
      "    this.foos = lister.foos(namespace);",
      "  }",
      "",
      "  public Optional<Foo> get(String name) {",
      "    return foos.get(name);",
      "  }",
      "",
      "  public List<Foo> all() {",
      "    return foos.list(LabelSelector.everything());",
      "  }",
      "",
      "  static ScopedLister<Foo> widen(FooNamespaceLister lister) {",
      "    return lister;",
      "  }",
      "",
      "  static int count(ConfigMapNamespaceLister configMaps) {",
      "    return configMaps.list(LabelSelector.everything()).size();",
      "  }",
      "",
      "  /** A hand-written stand-in, as a test double would be. */",
      "  static final class Empty implements FooNamespaceLister {",
      "    @Override public List<Foo> list(LabelSelector selector) { return List.of(); }",
      "    @Override public List<Foo> byIndex(String indexName, String value) { return List.of(); }",
      "    @Override public Optional<Foo> get(String name) { return Optional.empty(); }",
      "  }",
      "}");

  @Test
  void codeImportingTheTopLevelNamespaceListerCompiles() {
    List<JavaFileObject> inputs = new ArrayList<>(GoldenFilesTest.models());
    inputs.add(DOWNSTREAM);
    Map<String, String> generated = GoldenFilesTest.generate(inputs);
    assertThat(generated).containsKeys(
        "com/example/generated/listers/samplecontroller/v1alpha1/FooNamespaceLister.java",
        "com/example/generated/listers/core/v1/ConfigMapNamespaceLister.java");
    assertThat(generated.get("com/example/generated/listers/samplecontroller/v1alpha1/FooLister.java"))
        .doesNotContain("interface FooNamespaceLister");
  }
}
