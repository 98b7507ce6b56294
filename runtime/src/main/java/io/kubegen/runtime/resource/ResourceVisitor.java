package io.kubegen.runtime.resource;

/**
 * What a walk over manifests does with each object ({@link #visit}) and with each document that
 * could not be read, checked, mapped or placed in a namespace ({@link #visitError}), as kubectl's
 * {@code VisitorFunc} gets both. Called on the walking thread, one document at a time, in source
 * order.
 */
@FunctionalInterface
public interface ResourceVisitor {

  /**
   * Handles one object. An exception is a failure of this object: the walk stops with it, or,
   * with {@link ResourceBuilder#continueOnError()}, records it and goes on.
   */
  void visit(ResourceInfo info) throws Exception;

  /**
   * Handles a document that failed before it reached {@link #visit}. The default throws it, which
   * stops the walk or, with {@link ResourceBuilder#continueOnError()}, records it; return normally
   * to take it as handled. A parse or validation failure ends its source either way: kubectl does
   * not read the documents after one.
   */
  default void visitError(ManifestException error) throws Exception {
    throw error;
  }
}
