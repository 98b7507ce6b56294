package io.kubegen.runtime.cache;

import java.util.List;

/**
 * Receives what {@link DeltaQueue#pop} takes off the queue: the deltas of one key (one delta in
 * in-order mode), oldest first.
 *
 * @param <T> the object type
 */
@FunctionalInterface
public interface DeltaProcessor<T> {

  /**
   * Processes {@code deltas}. Throw {@link RequeueException} to put them back (unless newer deltas
   * for the key arrived meanwhile); any other exception is passed on to the caller of {@code pop}.
   *
   * @param isInInitialList whether these deltas belong to the first list, before the queue synced
   */
  void process(List<Delta<T>> deltas, boolean isInInitialList) throws Exception;
}
