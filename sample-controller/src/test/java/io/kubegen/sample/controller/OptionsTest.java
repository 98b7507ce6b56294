package io.kubegen.sample.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void noArgumentsMeansTheEmbeddedDemo() {
    assertThat(Options.parse()).isEqualTo(new Options(true, Optional.empty(), Optional.empty(), 2, Duration.ofSeconds(60)));
  }

  @Test
  void kubeconfigSelectsAClusterWithOrWithoutAPath() {
    Options defaults = Options.parse("--kubeconfig");
    assertThat(defaults.embedded()).isFalse();
    assertThat(defaults.kubeconfig()).isEmpty();
    Options explicit = Options.parse("--kubeconfig=/tmp/k.yaml", "--context=prod", "--workers=4");
    assertThat(explicit.kubeconfig()).contains(Path.of("/tmp/k.yaml"));
    assertThat(explicit.context()).contains("prod");
    assertThat(explicit.workers()).isEqualTo(4);
  }

  @Test
  void rejectsContradictionsAndBadValues() {
    assertThatThrownBy(() -> Options.parse("--embedded", "--kubeconfig")).hasMessageContaining("exclude each other");
    assertThatThrownBy(() -> Options.parse("--context=x")).hasMessageContaining("--context needs --kubeconfig");
    assertThatThrownBy(() -> Options.parse("--workers=0")).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Options.parse("--verbose")).hasMessageContaining("unknown argument '--verbose'");
  }
}
