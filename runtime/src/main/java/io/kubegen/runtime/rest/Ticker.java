package io.kubegen.runtime.rest;

/** A monotonic nanosecond clock; the seam that lets tests drive time by hand. */
@FunctionalInterface
public interface Ticker {
  /** The real one: {@link System#nanoTime()}. */
  Ticker SYSTEM = System::nanoTime;

  /** Nanoseconds from an arbitrary fixed origin; only differences mean anything. */
  long read();
}
