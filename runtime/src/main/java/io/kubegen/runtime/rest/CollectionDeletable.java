package io.kubegen.runtime.rest;

import io.kubegen.runtime.api.DeleteOptions;
import io.kubegen.runtime.api.ListOptions;

/** The {@code deleteCollection} verb of a typed client. */
public interface CollectionDeletable {
  /** Deletes every object {@code listOptions} selects (in the client's namespace, or in all). */
  void deleteCollection(DeleteOptions options, ListOptions listOptions);
}
