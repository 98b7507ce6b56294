package com.example.other;

/** Not kubegen's: another generator's output, kept in the same folder. */
public final class Handwritten {
  private Handwritten() {}
}
