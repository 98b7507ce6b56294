package io.kubegen.runtime.rest;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The bytes of a response body, handed out once. JDK 17's {@code HttpClient} keeps the exchange
 * that opened a connection reachable for as long as the connection stays open (the connection
 * remembers its connect-timeout event, the event that exchange), and with it the exchange's
 * response, body subscriber and the subscriber's result. When a later call reuses the pooled
 * connection (an informer's watch after its list) a body kept in any of those would stay in
 * memory too: a whole 17 MB list answer for the life of the watch. The JDK's own
 * {@code ofByteArray()} keeps it twice (the response and the subscriber's future). This body
 * gives its bytes up on {@link #take()} and its subscriber forgets them once delivered, so only
 * the empty holder stays behind.
 *
 * <p>Thread-safe: the bytes are set once when the body is complete and taken by one caller.
 */
final class BodyBytes {
  private static final byte[] EMPTY = new byte[0];

  private byte[] bytes;

  private BodyBytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A body handler that reads the whole body into a {@code BodyBytes}. */
  static HttpResponse.BodyHandler<BodyBytes> handler() {
    return info -> new Collector();
  }

  /** The body, once; later calls return an empty array. */
  synchronized byte[] take() {
    byte[] taken = bytes;
    bytes = EMPTY;
    return taken;
  }

  /**
   * Collects the body's buffers and joins them when it ends; keeps nothing after that. Signals
   * come serially (the {@link Flow.Subscriber} contract), so the fields need no lock.
   */
  private static final class Collector implements HttpResponse.BodySubscriber<BodyBytes> {
    private final CompletableFuture<BodyBytes> body = new CompletableFuture<>();
    private List<ByteBuffer> received = new ArrayList<>();
    private long size;
    private Flow.Subscription subscription;

    @Override
    public CompletionStage<BodyBytes> getBody() { return body; }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (received == null) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        size += buffer.remaining();
        received.add(buffer);
      }
      if (size > Integer.MAX_VALUE - 8) {
        received = null;
        subscription.cancel();
        body.completeExceptionally(new IOException("the response body is larger than a Java array can hold ("
            + size + " bytes so far)"));
      }
    }

    @Override
    public void onError(Throwable failure) {
      received = null;
      body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      if (received == null) {
        return;
      }
      byte[] all = new byte[(int) size];
      int at = 0;
      for (ByteBuffer buffer : received) {
        int n = buffer.remaining();
        buffer.get(all, at, n);
        at += n;
      }
      received = null;
      body.complete(new BodyBytes(all));
    }
  }
}
