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
    GenerationRecord record = new GenerationRecord("abc", List.of("a/B.java", "c/D.java"));
    record.write(file);
    assertThat(GenerationRecord.read(file)).contains(record);
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
    GenerationRecord record = new GenerationRecord("abc", List.of("a/B.java"));
    assertThat(record.filesPresentIn(out)).isTrue();
    Files.delete(out.resolve("a/B.java"));
    assertThat(record.filesPresentIn(out)).isFalse();
  }
}
