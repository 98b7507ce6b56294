package io.kubegen.apiserver.e2e.chaos;

import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.cache.ListWatch;
import io.kubegen.runtime.testserver.EventRate;
import io.kubegen.runtime.watch.Watch;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the reflector's calls on their way to the REST client: lists started, pages, watches, and when. */
final class RecordingListWatch implements ListWatch<ConfigMap> {
  private final ListWatch<ConfigMap> delegate;
  private final AtomicInteger listsStarted = new AtomicInteger();
  private final AtomicInteger pages = new AtomicInteger();
  private final AtomicInteger watches = new AtomicInteger();
  private final EventRate calls = new EventRate();

  RecordingListWatch(ListWatch<ConfigMap> delegate) {
    this.delegate = delegate;
  }

  @Override
  public ObjectList<ConfigMap> list(ListOptions options) {
    calls.record();
    pages.incrementAndGet();
    if (options.continueToken() == null) {
      listsStarted.incrementAndGet();
    }
    return delegate.list(options);
  }

  @Override
  public Watch<ConfigMap> watch(ListOptions options) {
    calls.record();
    watches.incrementAndGet();
    return delegate.watch(options);
  }

  /** Lists begun from their first page (the first is the initial list; the others are relists). */
  int listsStarted() {
    return listsStarted.get();
  }

  int pages() {
    return pages.get();
  }

  int watches() {
    return watches.get();
  }

  /** When the reflector called list or watch. */
  EventRate calls() {
    return calls;
  }
}
