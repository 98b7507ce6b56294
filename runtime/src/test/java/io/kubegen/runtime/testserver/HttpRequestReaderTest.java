package io.kubegen.runtime.testserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Requests split into reads of any size, as TLS records or TCP segments deliver them. */
class HttpRequestReaderTest {
  private static final String TWO_REQUESTS = "GET /api/v1/configmaps?watch=true&resourceVersion=5 HTTP/1.1\r\n"
      + "Host: x\r\n\r\n"
      + "POST /api/v1/namespaces/a/configmaps HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      + "3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\n\r\n"
      + "PUT /x HTTP/1.1\r\nContent-Length: 4\r\n\r\nwxyz";

  /** Hands out at most {@code step} bytes per read. */
  private static InputStream trickle(String text, int step) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    return new InputStream() {
      private int at;

      @Override
      public int read() {
        return at < bytes.length ? bytes[at++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (at == bytes.length) {
          return -1;
        }
        int n = Math.min(Math.min(len, step), bytes.length - at);
        System.arraycopy(bytes, at, b, off, n);
        at += n;
        return n;
      }
    };
  }

  @Test
  void readsEveryRequestWhateverTheReadSizes() throws IOException {
    for (int step : new int[] {1, 2, 3, 7, 16, 64, 4096}) {
      HttpRequestReader reader = new HttpRequestReader(trickle(TWO_REQUESTS, step));
      ByteArrayOutputStream forwarded = new ByteArrayOutputStream();

      HttpRequestReader.Head watch = reader.next();
      assertThat(watch.method()).as("step %d", step).isEqualTo("GET");
      assertThat(watch.isWatch()).isTrue();
      forwarded.write(watch.bytes());
      reader.copyBody(watch, forwarded);

      HttpRequestReader.Head post = reader.next();
      assertThat(post.chunked()).as("step %d", step).isTrue();
      assertThat(post.isWatch()).isFalse();
      forwarded.write(post.bytes());
      reader.copyBody(post, forwarded);

      HttpRequestReader.Head put = reader.next();
      assertThat(put.contentLength()).as("step %d", step).isEqualTo(4);
      forwarded.write(put.bytes());
      reader.copyBody(put, forwarded);

      assertThat(reader.next()).as("step %d", step).isNull();
      assertThat(forwarded.toString(StandardCharsets.ISO_8859_1)).as("step %d", step).isEqualTo(TWO_REQUESTS);
    }
  }
}
