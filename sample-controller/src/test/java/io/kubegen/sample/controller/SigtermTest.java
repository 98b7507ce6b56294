package io.kubegen.sample.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.sample.generated.clientset.Clientset;
import io.kubegen.sample.samplecontroller.v1alpha1.Foo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller as a separate process against a cluster given by kubeconfig (the embedded API
 * server in this JVM): it reconciles, and SIGTERM makes it shut down cleanly.
 */
@Timeout(90)
@DisabledOnOs(OS.WINDOWS)
class SigtermTest {

  @TempDir Path dir;

  @Test
  void reconcilesFromAKubeconfigAndStopsCleanlyOnSigterm() throws Exception {
    try (EmbeddedApiServer server = EmbeddedApiServer.start()) {
      server.registerCrds();
      Path kubeconfig = server.writeKubeconfig(dir.resolve("kubeconfig.yaml"));
      Path log = dir.resolve("controller.log");
      Clientset clients = Clientset.create(server.restConfig());
      clients.samplecontrollerV1alpha1().foos("default").create(Foo.of("default", "signalled", "signalled", 1));

      Process process = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"),
          "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
          Main.class.getName(), "--kubeconfig=" + kubeconfig, "--workers=2")
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      try {
        Eventually.until("the child created the deployment", Duration.ofSeconds(45),
            () -> ControllerScenario.deployment(clients, "signalled").isPresent());
        Eventually.until("the child reports it is running", Duration.ofSeconds(10),
            () -> output(log).stream().anyMatch(l -> l.startsWith("sample-controller running against")));

        process.destroy(); // SIGTERM

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited after SIGTERM: %s", output(log)).isTrue();
        List<String> output = output(log);
        assertThat(output).contains("signal received: shutting down");
        assertThat(output).anyMatch(l -> l.startsWith("stopped cleanly: ") && l.contains("1 deployments created"));
      } finally {
        process.destroyForcibly();
      }
    }
  }

  private static List<String> output(Path log) {
    try {
      return Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
