package io.kubegen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link OutputSync}: writes only what changed, removes only its own stale files. */
class OutputSyncTest {
  private static final FileTime OLD = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

  @TempDir Path dir;

  @Test
  void writesNewAndChangedFilesAndLeavesUnchangedOnesUntouched() throws IOException {
    Path staging = dir.resolve("staging");
    Path out = dir.resolve("out");
    ProcessorRunTest.write(staging, "a/Same.java", "same");
    ProcessorRunTest.write(staging, "a/Changed.java", "new");
    ProcessorRunTest.write(staging, "b/New.java", "fresh");
    Files.setLastModifiedTime(ProcessorRunTest.write(out, "a/Same.java", "same"), OLD);
    Files.setLastModifiedTime(ProcessorRunTest.write(out, "a/Changed.java", "old"), OLD);

    OutputSync.Outcome outcome = OutputSync.sync(staging, out, List.of("a/Same.java", "a/Changed.java", "b/New.java"),
        List.of("a/Same.java", "a/Changed.java"));

    assertThat(outcome).isEqualTo(new OutputSync.Outcome(2, 1, 0));
    assertThat(Files.getLastModifiedTime(out.resolve("a/Same.java"))).isEqualTo(OLD);
    assertThat(Files.readString(out.resolve("a/Changed.java"))).isEqualTo("new");
    assertThat(Files.getLastModifiedTime(out.resolve("a/Changed.java"))).isNotEqualTo(OLD);
    assertThat(Files.readString(out.resolve("b/New.java"))).isEqualTo("fresh");
    try (var files = Files.list(out.resolve("a"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("Same.java", "Changed.java");
    }
  }

  @Test
  void removesOnlyItsOwnStaleFilesAndTheFoldersTheyLeaveEmpty() throws IOException {
    Path staging = dir.resolve("staging");
    Path out = dir.resolve("out");
    ProcessorRunTest.write(staging, "a/Kept.java", "kept");
    ProcessorRunTest.write(out, "a/Kept.java", "kept");
    ProcessorRunTest.write(out, "a/Stale.java", "stale");
    ProcessorRunTest.write(out, "gone/deep/Stale.java", "stale");
    ProcessorRunTest.write(out, "gone/Other.java", "another plugin's");
    ProcessorRunTest.write(out, "only/Stale.java", "stale");

    OutputSync.Outcome outcome = OutputSync.sync(staging, out, List.of("a/Kept.java"),
        List.of("a/Kept.java", "a/Stale.java", "gone/deep/Stale.java", "only/Stale.java", "never/Was.java"));

    assertThat(outcome).isEqualTo(new OutputSync.Outcome(0, 1, 3));
    assertThat(out.resolve("a/Kept.java")).exists();
    assertThat(out.resolve("a/Stale.java")).doesNotExist();
    assertThat(out.resolve("gone/deep")).doesNotExist();
    assertThat(out.resolve("gone/Other.java")).hasContent("another plugin's");
    assertThat(out.resolve("only")).doesNotExist();
    assertThat(out).isDirectory();
  }

  @Test
  void refusesNamesOutsideTheOutputFolder() throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    ProcessorRunTest.write(dir, "precious.txt", "mine");
    assertThatThrownBy(() -> OutputSync.sync(dir.resolve("staging"), out, List.of(), List.of("../precious.txt")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(dir.resolve("precious.txt")).exists();
  }
}
