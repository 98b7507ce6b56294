package io.kubegen.runtime.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A list response ({@code FooList}): {@code metadata} with the list's resourceVersion and continue
 * token, and the {@code items}.
 *
 * @param <T> the item type
 */
public class ObjectList<T> {
  private String apiVersion;
  private String kind;
  private ListMeta metadata = new ListMeta();
  private List<T> items = new ArrayList<>();

  /** An empty list. */
  public ObjectList() {}

  /** A list of {@code items} at {@code metadata}. */
  public ObjectList(ListMeta metadata, List<T> items) {
    this.metadata = metadata;
    this.items = items;
  }

  public String getApiVersion() { return apiVersion; }
  public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  /** The list metadata; never null. */
  public ListMeta getMetadata() { return metadata; }
  public void setMetadata(ListMeta metadata) { this.metadata = metadata == null ? new ListMeta() : metadata; }
  /** The items; never null. */
  public List<T> getItems() { return items; }
  public void setItems(List<T> items) { this.items = items == null ? new ArrayList<>() : items; }

  @Override
  public String toString() {
    return "ObjectList{" + kind + ", " + items.size() + " items, " + metadata + "}";
  }
}
