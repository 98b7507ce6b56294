package io.kubegen.runtime.api;

/** A label or field selector that does not parse; {@link #position()} is the 0-based offset of the error. */
public class LabelSelectorParseException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int position;
  private final String input;

  /** An error at {@code position} (or -1 when the input as a whole is wrong) in {@code input}. */
  public LabelSelectorParseException(String message, int position, String input) {
    super(position < 0
        ? message
        : message + " at position " + position + " in \"" + input + "\"");
    this.position = position;
    this.input = input;
  }

  /** The 0-based offset of the error in the input, or -1. */
  public int position() { return position; }

  /** The selector that failed to parse. */
  public String input() { return input; }
}
