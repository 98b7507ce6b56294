package io.kubegen.runtime.cache;

/** Which {@link DeltaQueue} an informer uses. Handlers get the same guarantees in both. */
public enum FifoMode {
  /** {@link DeltaFIFO}: the deltas of a key are kept together and handed out at once. */
  DELTA_FIFO,
  /** {@link InOrderFIFO}: every delta in arrival order, one at a time. */
  IN_ORDER
}
