/**
 * Listers: typed, read-only views of an informer's cache (client-go's {@code listers} package).
 * {@link io.kubegen.runtime.listers.ResourceLister} and {@link io.kubegen.runtime.listers.ScopedLister}
 * are the lookups every generated {@code FooLister} and {@code FooNamespaceLister} offers;
 * {@link io.kubegen.runtime.listers.IndexerLister} implements them over an {@code Indexer} (the
 * generated listers add their {@code @GenIndex} methods and nothing else);
 * {@link io.kubegen.runtime.listers.GenericLister} is the untyped lister of a {@code GenericInformer}.
 *
 * <p>Objects returned by listers are shared with the cache: never mutate them; copy first with
 * {@code Cache.copy(obj)}.
 */
package io.kubegen.runtime.listers;
