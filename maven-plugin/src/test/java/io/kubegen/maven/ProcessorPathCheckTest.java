package io.kubegen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ProcessorPathCheckTest {

  @TempDir Path dir;

  @Test
  void seesKubegenProcessorsInFoldersAndJarsOnly() throws IOException {
    Path kubegenFolder = dir.resolve("kubegen-classes");
    ProcessorRunTest.write(kubegenFolder, ProcessorPathCheck.SERVICE_FILE, "io.kubegen.gen.processing.KubegenProcessor\n");
    Path otherFolder = dir.resolve("other-classes");
    ProcessorRunTest.write(otherFolder, ProcessorPathCheck.SERVICE_FILE, "org.example.OtherProcessor\n");
    Path kubegenJar = jar("kubegen.jar", "io.kubegen.gen.processing.KubegenProcessor\n");
    Path plainJar = jar("plain.jar", null);

    assertThat(ProcessorPathCheck.registersKubegenProcessor(kubegenFolder)).isTrue();
    assertThat(ProcessorPathCheck.registersKubegenProcessor(kubegenJar)).isTrue();
    assertThat(ProcessorPathCheck.registersKubegenProcessor(otherFolder)).isFalse();
    assertThat(ProcessorPathCheck.registersKubegenProcessor(plainJar)).isFalse();
    assertThat(ProcessorPathCheck.registersKubegenProcessor(dir.resolve("missing.jar"))).isFalse();
  }

  @Test
  void warnsOnceNamingTheEntry() throws IOException {
    Path kubegenJar = jar("kubegen-client-gen.jar", "io.kubegen.gen.processing.KubegenProcessor\n");
    RecordingLog log = new RecordingLog();
    new ProcessorPathCheck(log).warnIfProcessorsOnCompilePath(List.of(jar("plain.jar", null), kubegenJar, kubegenJar));
    assertThat(log.warnings).singleElement().asString()
        .contains("kubegen-client-gen.jar on the compile class path")
        .contains("<proc>none</proc>");
  }

  private Path jar(String name, String services) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry("a/B.class"));
      zip.closeEntry();
      if (services != null) {
        zip.putNextEntry(new ZipEntry(ProcessorPathCheck.SERVICE_FILE));
        zip.write(services.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }

  /** Keeps warnings; everything else is dropped. */
  private static final class RecordingLog extends org.apache.maven.plugin.logging.SystemStreamLog {
    final List<CharSequence> warnings = new java.util.ArrayList<>();

    @Override
    public void warn(CharSequence content) {
      warnings.add(content);
    }
  }
}
