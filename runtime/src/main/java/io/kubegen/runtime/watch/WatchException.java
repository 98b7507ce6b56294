package io.kubegen.runtime.watch;

/** A watch stream broke: the connection failed, or a frame was malformed or cut off. */
public class WatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WatchException(String message) { super(message); }

  public WatchException(String message, Throwable cause) { super(message, cause); }
}
