package io.kubegen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class GenerationRecordTest {

  @TempDir Path dir;

  @Test
  void roundTripsThroughItsFile() throws IOException {
    Path file = dir.resolve("state/last.txt");
    GenerationRecord record = new GenerationRecord("abc", List.of("a/B.java", "c/D.java"), List.of("META-INF/x.yaml"));
    record.write(file);
    assertThat(GenerationRecord.read(file)).contains(record);
    // a record of an earlier version lists sources only
    Files.writeString(file, "abc\na/B.java\n");
    assertThat(GenerationRecord.read(file)).contains(new GenerationRecord("abc", List.of("a/B.java"), List.of()));
  }

  @Test
  void aMissingOrEmptyFileIsNoRecord() throws IOException {
    assertThat(GenerationRecord.read(dir.resolve("none.txt"))).isEmpty();
    Path empty = Files.writeString(dir.resolve("empty.txt"), "");
    assertThat(GenerationRecord.read(empty)).isEmpty();
  }

  @Test
  void knowsWhetherItsFilesAreStillThere() throws IOException {
    Path out = dir.resolve("out");
    ProcessorRunTest.write(out, "a/B.java", "x");
    Path classes = dir.resolve("classes");
    ProcessorRunTest.write(classes, "META-INF/x.yaml", "x");
    GenerationRecord record = new GenerationRecord("abc", List.of("a/B.java"), List.of("META-INF/x.yaml"));
    assertThat(record.filesPresentIn(out, classes)).isTrue();
    Files.delete(classes.resolve("META-INF/x.yaml"));
    assertThat(record.filesPresentIn(out, classes)).isFalse();
    ProcessorRunTest.write(classes, "META-INF/x.yaml", "x");
    Files.delete(out.resolve("a/B.java"));
    assertThat(record.filesPresentIn(out, classes)).isFalse();
  }
}
