package io.kubegen.runtime.cache;

/**
 * Told about every error that ends a list-and-watch cycle of a {@link Reflector} (the reflector
 * then backs off and relists). Called on the reflector's thread; must not block for long.
 */
@FunctionalInterface
public interface WatchErrorHandler {

  /** Handles {@code error} raised while {@code reflector} listed or watched. */
  void onWatchError(Reflector<?> reflector, Throwable error);
}
