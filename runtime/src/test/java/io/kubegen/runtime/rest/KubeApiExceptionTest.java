package io.kubegen.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubegen.runtime.api.Status;
import org.junit.jupiter.api.Test;

class KubeApiExceptionTest {

  @Test
  void reasonsComeFromTheCodeWhenTheBodyIsNoStatus() {
    assertThat(KubeApiException.fromRawBody(404, "", "GET /a").isNotFound()).isTrue();
    assertThat(KubeApiException.fromRawBody(409, "x", "PUT /a").isConflict()).isTrue();
    assertThat(KubeApiException.fromRawBody(410, "x", "GET /a").isGone()).isTrue();
    assertThat(KubeApiException.fromRawBody(410, "x", "GET /a").isExpired()).isTrue();
    assertThat(KubeApiException.fromRawBody(422, "x", "POST /a").isInvalid()).isTrue();
    assertThat(KubeApiException.fromRawBody(429, "x", "GET /a").isTooManyRequests()).isTrue();
    assertThat(KubeApiException.fromRawBody(418, "teapot", "GET /a").reason()).isEmpty();
  }

  @Test
  void theServersReasonWins() {
    KubeApiException e = new KubeApiException(409, Status.failure(409, "AlreadyExists", "exists"), "POST /a");
    assertThat(e.isAlreadyExists()).isTrue();
    assertThat(e.isConflict()).isFalse();
    KubeApiException expired = new KubeApiException(Status.failure(500, "InternalError", "too old resource version: 3 (9)"));
    assertThat(expired.isExpired()).isTrue();
    KubeApiException expiredReason = new KubeApiException(Status.failure(410, "Expired", "gone"));
    assertThat(expiredReason.isExpired()).isTrue();
    assertThat(expiredReason.isGone()).isFalse();
  }

  @Test
  void longRawBodiesAreCutInTheMessage() {
    KubeApiException e = KubeApiException.fromRawBody(500, "x".repeat(5000), "GET /a");
    assertThat(e.getMessage()).startsWith("GET /a: 500 InternalError: xxx").hasSizeLessThan(1200);
  }
}
