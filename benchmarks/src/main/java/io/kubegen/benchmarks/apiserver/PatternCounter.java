package io.kubegen.benchmarks.apiserver;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A body sink that keeps nothing but the number of bytes written and how often a fixed pattern
 * occurred in them (across write boundaries), so a list of hundreds of thousands of objects can
 * be checked without holding it. Used to count {@code "name":"<prefix>} in list answers.
 */
final class PatternCounter extends OutputStream {
  private final byte[] pattern;
  private final int[] fallback;
  private int matched;
  private long count;
  private long bytes;

  PatternCounter(String pattern) {
    this.pattern = pattern.getBytes(StandardCharsets.UTF_8);
    fallback = new int[this.pattern.length];
    for (int i = 1, k = 0; i < this.pattern.length; i++) {
      while (k > 0 && this.pattern[i] != this.pattern[k]) {
        k = fallback[k - 1];
      }
      if (this.pattern[i] == this.pattern[k]) {
        k++;
      }
      fallback[i] = k;
    }
  }

  @Override
  public void write(int b) {
    bytes++;
    while (matched > 0 && pattern[matched] != (byte) b) {
      matched = fallback[matched - 1];
    }
    if (pattern[matched] == (byte) b) {
      matched++;
    }
    if (matched == pattern.length) {
      count++;
      matched = fallback[matched - 1];
    }
  }

  @Override
  public void write(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      write(b[i]);
    }
  }

  long count() {
    return count;
  }

  long bytes() {
    return bytes;
  }

  /** Forgets what was counted, for the next body. */
  void reset() {
    matched = 0;
    count = 0;
    bytes = 0;
  }
}
