package io.kubegen.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.testserver.FaultServer;
import io.kubegen.runtime.testserver.Reply;
import java.io.IOException;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class BodyBytesTest {
  private final FaultServer server = FaultServer.start();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aBodyIsNotKeptByTheConnectionThatCarriedIt() throws Exception {
    String big = "x".repeat(1 << 20);
    server.route("GET", "/big").always(Reply.text(200, big));
    server.route("GET", "/small").always(Reply.text(200, "ok"));
    ReferenceQueue<byte[]> collected = new ReferenceQueue<>();
    try (RestClient client = RestClient.create(RestConfig.builder().server(server.url().toString()).qps(-1)
        .connectTimeout(Duration.ofSeconds(10)).build())) {
      WeakReference<byte[]> body = readAndForget(client, big, collected);
      // the pooled connection stays open and is reused; the body it carried must still go
      assertThat(client.get().path("/small").execute(String.class)).isEqualTo("ok");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      boolean cleared = false;
      while (!cleared && System.nanoTime() < deadline) {
        System.gc();
        cleared = collected.remove(100) == body;
      }
      assertThat(cleared).as("the 1 MiB body was collected while the client is open").isTrue();
    }
  }

  private static WeakReference<byte[]> readAndForget(RestClient client, String expected,
      ReferenceQueue<byte[]> queue) {
    byte[] bytes = client.get().path("/big").execute(byte[].class);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(expected);
    return new WeakReference<>(bytes, queue);
  }

  @Test
  void joinsTheBuffersAndHandsThemOutOnce() throws Exception {
    HttpResponse.BodySubscriber<BodyBytes> subscriber = BodyBytes.handler().apply(null);
    RecordingSubscription subscription = new RecordingSubscription();
    subscriber.onSubscribe(subscription);
    subscriber.onNext(List.of(bytes("hello, "), bytes("")));
    subscriber.onNext(List.of(bytes("world")));
    subscriber.onComplete();

    BodyBytes body = subscriber.getBody().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(subscription.requested).isEqualTo(Long.MAX_VALUE);
    assertThat(new String(body.take(), StandardCharsets.UTF_8)).isEqualTo("hello, world");
    assertThat(body.take()).isEmpty();
  }

  @Test
  void anEmptyBodyIsAnEmptyArray() throws Exception {
    HttpResponse.BodySubscriber<BodyBytes> subscriber = BodyBytes.handler().apply(null);
    subscriber.onSubscribe(new RecordingSubscription());
    subscriber.onComplete();
    assertThat(subscriber.getBody().toCompletableFuture().get(5, TimeUnit.SECONDS).take()).isEmpty();
  }

  @Test
  void aFailedBodyFailsTheResult() {
    HttpResponse.BodySubscriber<BodyBytes> subscriber = BodyBytes.handler().apply(null);
    subscriber.onSubscribe(new RecordingSubscription());
    subscriber.onNext(List.of(bytes("partial")));
    IOException reset = new IOException("connection reset");
    subscriber.onError(reset);
    CompletableFuture<BodyBytes> result = subscriber.getBody().toCompletableFuture();
    assertThatThrownBy(result::get).isInstanceOf(ExecutionException.class)
        .satisfies(e -> assertThat(e.getCause()).isSameAs(reset));
  }

  private static ByteBuffer bytes(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }

  private static final class RecordingSubscription implements Flow.Subscription {
    long requested;

    @Override public void request(long n) { requested += n; }

    @Override public void cancel() {}
  }
}
