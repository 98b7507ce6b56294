package io.kubegen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class DependencyTypesTest {

  @TempDir Path dir;

  @Test
  void keepsPlainNamesAndSplitsCommas() {
    DependencyTypes types = new DependencyTypes(List.of());
    assertThat(types.expand(List.of("com.a.Foo, com.a.Bar", "com.a.Foo")))
        .containsExactly("com.a.Foo", "com.a.Bar");
  }

  @Test
  void expandsAPackageFromFoldersAndJarsToItsTopLevelClasses() throws IOException {
    Path classes = dir.resolve("classes");
    ProcessorRunTest.write(classes, "com/a/Foo.class", "x");
    ProcessorRunTest.write(classes, "com/a/Foo$Spec.class", "x");
    ProcessorRunTest.write(classes, "com/a/package-info.class", "x");
    ProcessorRunTest.write(classes, "com/a/sub/Deeper.class", "x");
    Path jar = dir.resolve("dep.jar");
    try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
      for (String name : List.of("com/a/Bar.class", "com/a/b/Other.class", "com/ab/Near.class")) {
        zip.putNextEntry(new ZipEntry(name));
        zip.closeEntry();
      }
    }
    DependencyTypes types = new DependencyTypes(List.of(classes, jar));
    assertThat(types.expand(List.of("com.a.*"))).containsExactly("com.a.Bar", "com.a.Foo");
  }

  @Test
  void rejectsMalformedNamesAndEmptyPackages() {
    DependencyTypes types = new DependencyTypes(List.of());
    assertThatThrownBy(() -> types.expand(List.of("com.a..Foo")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'com.a..Foo' is not a fully qualified class name");
    assertThatThrownBy(() -> types.expand(List.of("com.none.*")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no classes of package com.none");
  }
}
