package io.kubegen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class InputFingerprintTest {

  @TempDir Path dir;
  Path source;
  Path jar;
  Path classes;

  @BeforeEach
  void files() throws IOException {
    source = ProcessorRunTest.write(dir, "src/Foo.java", "class Foo {}");
    jar = ProcessorRunTest.write(dir, "lib/dep.jar", "not really a jar");
    classes = dir.resolve("classes");
    ProcessorRunTest.write(classes, "a/B.class", "cafebabe");
  }

  private String fingerprint(String outputPackage) {
    return new InputFingerprint()
        .option("outputPackage", outputPackage)
        .sources(List.of(source))
        .classpathEntry(jar)
        .classpathEntry(classes)
        .finish();
  }

  @Test
  void sameInputsGiveTheSameFingerprint() {
    assertThat(fingerprint("x")).isEqualTo(fingerprint("x")).hasSize(64);
  }

  @Test
  void anOptionChangesIt() {
    assertThat(fingerprint("x")).isNotEqualTo(fingerprint("y")).isNotEqualTo(fingerprint(null));
  }

  @Test
  void sourceContentChangesIt() throws IOException {
    String before = fingerprint("x");
    Files.writeString(source, "class Foo { int x; }");
    assertThat(fingerprint("x")).isNotEqualTo(before);
  }

  @Test
  void aRebuiltJarChangesIt() throws IOException {
    String before = fingerprint("x");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));
    assertThat(fingerprint("x")).isNotEqualTo(before);
  }

  @Test
  void aNewClassInAClassFolderChangesIt() throws IOException {
    String before = fingerprint("x");
    ProcessorRunTest.write(classes, "a/C.class", "cafebabe");
    assertThat(fingerprint("x")).isNotEqualTo(before);
  }

  @Test
  void aMissingEntryDiffersFromAPresentOne() throws IOException {
    String before = fingerprint("x");
    Files.delete(jar);
    assertThat(fingerprint("x")).isNotEqualTo(before);
  }
}
