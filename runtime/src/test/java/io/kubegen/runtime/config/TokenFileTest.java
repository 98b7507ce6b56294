package io.kubegen.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A bearer token file is re-read when it rotates. */
@Timeout(30)
class TokenFileTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  private RestConfig config(Path tokenFile) {
    return RestConfig.builder().server("https://127.0.0.1:6443").bearerTokenFile(tokenFile).clock(clock).build();
  }

  private static void rotate(Path file, String token, Instant modified) throws IOException {
    Files.writeString(file, token);
    Files.setLastModifiedTime(file, FileTime.from(modified));
  }

  @Test
  void changedFileIsReadAgain() throws IOException {
    Path file = dir.resolve("token");
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    rotate(file, "aaaa\n", t0);
    RestConfig config = config(file);
    assertThat(config.authorizationHeader()).contains("Bearer aaaa");

    rotate(file, "bbbb\n", t0.plusSeconds(30));
    assertThat(config.authorizationHeader()).contains("Bearer bbbb");
  }

  @Test
  void unchangedLookingFileIsReadAgainAfterAMinuteOrOnRefresh() throws IOException {
    Path file = dir.resolve("token");
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    rotate(file, "aaaa", t0);
    RestConfig config = config(file);

    // same size and modification time: looks unchanged, so the cached token stays
    rotate(file, "bbbb", t0);
    assertThat(config.authorizationHeader()).contains("Bearer aaaa");
    clock.advance(Duration.ofSeconds(59));
    assertThat(config.authorizationHeader()).contains("Bearer aaaa");
    clock.advance(Duration.ofSeconds(1));
    assertThat(config.authorizationHeader()).contains("Bearer bbbb");

    rotate(file, "cccc", t0);
    config.refreshCredentials();
    assertThat(config.authorizationHeader()).contains("Bearer cccc");
  }

  @Test
  void tokenFileWinsOverToken() throws IOException {
    Path file = dir.resolve("token");
    Files.writeString(file, "from-file");
    RestConfig config = RestConfig.builder().server("https://h").bearerToken("static").bearerTokenFile(file).build();
    assertThat(config.authorizationHeader()).contains("Bearer from-file");
  }

  @Test
  void aTokenBesideAMissingFileIsUsedUntilTheFileAppearsAsInKubectl() throws IOException {
    Path file = dir.resolve("token");
    RestConfig config;
    try (LogCapture logs = LogCapture.trace()) {
      config = RestConfig.builder().server("https://h").bearerToken("static").bearerTokenFile(file).build();
      for (int i = 0; i < 3; i++) {
        assertThat(config.authorizationHeader()).contains("Bearer static");
      }
      // one warning when the config is built, none per request
      assertThat(logs.lines()).filteredOn(l -> l.contains("WARN")).singleElement().asString()
          .contains("bearerTokenFile: cannot read token file " + file + " (NoSuchFileException); using the token "
              + "given beside it, as kubectl does");
    }
    Files.writeString(file, "from-file");
    assertThat(config.authorizationHeader()).contains("Bearer from-file");
  }

  @Test
  void lastGoodTokenStaysWhenTheFileDisappears() throws IOException {
    Path file = dir.resolve("token");
    Files.writeString(file, "aaaa");
    RestConfig config = config(file);
    Files.delete(file);
    assertThat(config.authorizationHeader()).contains("Bearer aaaa");
    Files.writeString(file, "dddd-new");
    assertThat(config.authorizationHeader()).contains("Bearer dddd-new");
  }

  @Test
  void missingOrEmptyFileFailsAtBuild() throws IOException {
    Path file = dir.resolve("token");
    assertThatThrownBy(() -> config(file))
        .isInstanceOf(KubeConfigException.class)
        .hasMessage("bearerTokenFile: cannot read token file " + file + " (NoSuchFileException)");
    Files.writeString(file, " \n");
    assertThatThrownBy(() -> config(file)).hasMessage("bearerTokenFile: token file " + file + " is empty");
  }
}
