package io.kubegen.apiserver.storage;

import java.util.List;

/**
 * One page of a consistent list.
 *
 * @param items the objects in key order, as they were at {@code revision}
 * @param revision the resourceVersion the page is a snapshot of
 * @param nextKey the key to continue after, or null when this was the last page
 */
public record ListPage(List<StoredObject> items, long revision, String nextKey) {
  public ListPage {
    items = List.copyOf(items);
  }
}
