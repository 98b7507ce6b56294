package io.kubegen.runtime.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubegen.runtime.json.Json;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The Lease's JSON form as kube-apiserver reads and writes it. */
class LeaseJsonTest {

  @Test
  void microTimesAreWrittenInUtcWithExactlySixFractionalDigitsTruncatingAsGoDoes() throws Exception {
    Lease lease = new Lease();
    lease.getMetadata().setName("demo");
    lease.getMetadata().setNamespace("default");
    lease.setSpec(LeaseLock.toSpec(new LeaderElectionRecord("pod-a", 15,
        Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-01T10:00:05.123456789Z"), 2)));

    JsonNode json = Json.mapper().readTree(Json.write(lease));
    assertThat(json.path("apiVersion").asText()).isEqualTo("coordination.k8s.io/v1");
    assertThat(json.path("kind").asText()).isEqualTo("Lease");
    JsonNode spec = json.path("spec");
    assertThat(spec.path("acquireTime").asText()).isEqualTo("2025-03-01T10:00:00.000000Z");
    assertThat(spec.path("renewTime").asText()).isEqualTo("2025-03-01T10:00:05.123456Z");
    assertThat(spec.path("holderIdentity").asText()).isEqualTo("pod-a");
    assertThat(spec.path("leaseDurationSeconds").asInt()).isEqualTo(15);
    assertThat(spec.path("leaseTransitions").asInt()).isEqualTo(2);
  }

  @Test
  void aReleasedRecordKeepsAnExplicitEmptyHolder() throws Exception {
    Instant now = Instant.parse("2025-03-01T10:00:00Z");
    JsonNode spec = Json.mapper().readTree(Json.write(LeaseLock.toSpec(new LeaderElectionRecord("", 1, now, now, 4))));
    assertThat(spec.has("holderIdentity")).isTrue();
    assertThat(spec.path("holderIdentity").asText()).isEmpty();
    assertThat(spec.path("leaseDurationSeconds").asInt()).isEqualTo(1);
  }

  @Test
  void readsWhatKubeApiserverWritesAndOtherRfc3339Forms() {
    Lease lease = Json.read("""
        {"apiVersion":"coordination.k8s.io/v1","kind":"Lease",
         "metadata":{"name":"kube-controller-manager","namespace":"kube-system","resourceVersion":"42"},
         "spec":{"holderIdentity":"node-1_6a1f","leaseDurationSeconds":15,
                 "acquireTime":"2025-03-01T10:00:00.123456Z","renewTime":"2025-03-01T12:00:05+02:00",
                 "leaseTransitions":7,"strategy":"OldestEmulationVersion"}}""", Lease.class);
    LeaderElectionRecord record = LeaseLock.toRecord(lease.getSpec());
    assertThat(record).isEqualTo(new LeaderElectionRecord("node-1_6a1f", 15,
        Instant.parse("2025-03-01T10:00:00.123456Z"), Instant.parse("2025-03-01T10:00:05Z"), 7));
    assertThat(lease.getSpec().getStrategy()).isEqualTo("OldestEmulationVersion");
    assertThat(MicroTime.parse("2025-03-01T10:00:00.123456789Z")).isEqualTo(Instant.parse("2025-03-01T10:00:00.123456789Z"));
  }

  @Test
  void aSpecWithoutFieldsReadsAsZeroValuesAsClientGoDoes() {
    Lease lease = Json.read("{\"metadata\":{\"name\":\"x\"},\"spec\":{}}", Lease.class);
    assertThat(LeaseLock.toRecord(lease.getSpec())).isEqualTo(new LeaderElectionRecord("", 0, null, null, 0));
    assertThat(LeaseLock.toRecord(null).isHeld()).isFalse();
  }

  @Test
  void aMalformedTimeIsAClearError() {
    assertThatThrownBy(() -> Json.read("{\"spec\":{\"renewTime\":\"yesterday\"}}", Lease.class))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("yesterday");
    assertThatThrownBy(() -> MicroTime.parse("2025-13-01T00:00:00Z")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an RFC 3339 time");
  }
}
