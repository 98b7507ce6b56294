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
    assertThat(Options.parse()).isEqualTo(new Options(true, Optional.empty(), Optional.empty(), 2, Duration.ofSeconds(60),
        Optional.empty(), Optional.empty()));
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
  void leaderElectionWithKubeControllerManagersOptionNamesAndDefaults() {
    Options defaults = Options.parse("--kubeconfig", "--leader-elect");
    Options.LeaderElection election = defaults.leaderElection().orElseThrow();
    assertThat(election.leaseName()).isEqualTo("sample-controller");
    assertThat(election.leaseNamespace()).isEqualTo("default");
    assertThat(election.identity()).matches(".+_[0-9a-f-]{36}");
    assertThat(election.leaseDuration()).isEqualTo(Duration.ofSeconds(15));
    assertThat(election.renewDeadline()).isEqualTo(Duration.ofSeconds(10));
    assertThat(election.retryPeriod()).isEqualTo(Duration.ofSeconds(2));
    assertThat(Options.parse("--kubeconfig").leaderElection()).isEmpty();

    Options custom = Options.parse("--kubeconfig", "--leader-elect", "--leader-elect-resource-name=foo-lock",
        "--leader-elect-resource-namespace=kube-system", "--leader-elect-identity=replica-1",
        "--leader-elect-lease-duration=4s", "--leader-elect-renew-deadline=3s", "--leader-elect-retry-period=500ms",
        "--health-address=127.0.0.1:0");
    assertThat(custom.leaderElection()).contains(new Options.LeaderElection("foo-lock", "kube-system", "replica-1",
        Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofMillis(500)));
    assertThat(custom.healthAddress().orElseThrow().getPort()).isZero();
    assertThat(Options.parse("--kubeconfig", "--health-address=:8081").healthAddress().orElseThrow().getPort())
        .isEqualTo(8081);
  }

  @Test
  void rejectsBadLeaderElectionAndHealthOptions() {
    assertThatThrownBy(() -> Options.parse("--leader-elect")).hasMessageContaining("need --kubeconfig");
    assertThatThrownBy(() -> Options.parse("--kubeconfig", "--leader-elect-identity=x"))
        .hasMessageContaining("need --leader-elect");
    assertThatThrownBy(() -> Options.parse("--kubeconfig", "--leader-elect", "--leader-elect-lease-duration=15"))
        .hasMessageContaining("such as 500ms, 15s or 2m");
    assertThatThrownBy(() -> Options.parse("--kubeconfig", "--health-address=8081")).hasMessageContaining("[HOST]:PORT");
    assertThatThrownBy(() -> Options.parse("--kubeconfig", "--health-address=:99999")).hasMessageContaining("0..65535");
  }

  @Test
  void rejectsContradictionsAndBadValues() {
    assertThatThrownBy(() -> Options.parse("--embedded", "--kubeconfig")).hasMessageContaining("exclude each other");
    assertThatThrownBy(() -> Options.parse("--context=x")).hasMessageContaining("--context needs --kubeconfig");
    assertThatThrownBy(() -> Options.parse("--workers=0")).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Options.parse("--verbose")).hasMessageContaining("unknown argument '--verbose'");
  }
}
