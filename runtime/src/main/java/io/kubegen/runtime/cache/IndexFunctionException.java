package io.kubegen.runtime.cache;

/**
 * An {@link IndexFunction} threw while a store computed the index values of an object. The write
 * that needed them did not happen: the store and all its indexes are as they were before it.
 * {@link #getCause()} is what the function threw.
 */
public final class IndexFunctionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final String indexName;

  /** The function of index {@code indexName} failed on the object stored under {@code key}. */
  public IndexFunctionException(String key, String indexName, Throwable cause) {
    super("index function \"" + indexName + "\" failed for " + (key == null ? "the given object" : "key " + key)
        + ": " + cause, cause);
    this.key = key;
    this.indexName = indexName;
  }

  /** The key of the object the function failed on; null when the object was not being stored. */
  public String key() {
    return key;
  }

  /** The name of the index whose function failed. */
  public String indexName() {
    return indexName;
  }
}
