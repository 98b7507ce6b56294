package com.example.generated.listers.samplecontroller.v1alpha1;

import com.example.samplecontroller.v1alpha1.Foo;
import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.cache.IndexFunction;
import io.kubegen.runtime.cache.Indexer;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Reads {@link Foo} objects ({@code foos} in {@code samplecontroller.k8s.io/v1alpha1}, namespaced) from an informer's cache, without
 * calling the API server.
 *
 * <p>Returned objects are shared with the informer's cache: never mutate them; copy first with
 * {@code Cache.copy(obj)}.
 *
 * <p>Thread-safe: every call reads the cache as it is at that moment.
 */
@Generated("io.kubegen.listergen.ListerGenStep")
public interface FooLister {
  /**
   * The objects whose labels match {@code selector}, in every namespace; {@code LabelSelector.everything()}
   * for all.
   *
   * <p>Returned objects are shared with the informer's cache: never mutate them; copy first with
   * {@code Cache.copy(obj)}.
   */
  List<Foo> list(LabelSelector selector);

  /**
   * The lister of the {@code foos} in {@code namespace} ({@code ""}: every namespace).
   *
   * <p>Returned objects are shared with the informer's cache: never mutate them; copy first with
   * {@code Cache.copy(obj)}.
   */
  FooNamespaceLister foos(String namespace);

  /**
   * The objects with {@code value} at {@code spec.deploymentName} (cache index {@code "byDeployment"}).
   *
   * <p>Returned objects are shared with the informer's cache: never mutate them; copy first with
   * {@code Cache.copy(obj)}.
   */
  List<Foo> byDeployment(String value);

  /**
   * The objects with {@code value} at {@code spec.replicas} (cache index {@code "byReplicas"}).
   *
   * <p>Returned objects are shared with the informer's cache: never mutate them; copy first with
   * {@code Cache.copy(obj)}.
   */
  List<Foo> byReplicas(String value);

  /**
   * The objects with {@code value} at {@code spec.tags} (cache index {@code "byTag"}; an object is found under each of its values).
   *
   * <p>Returned objects are shared with the informer's cache: never mutate them; copy first with
   * {@code Cache.copy(obj)}.
   */
  List<Foo> byTag(String value);

  /**
   * The objects with {@code value} at {@code spec.owners.name} (cache index {@code "byOwnerName"}; an object is found under each of its values).
   *
   * <p>Returned objects are shared with the informer's cache: never mutate them; copy first with
   * {@code Cache.copy(obj)}.
   */
  List<Foo> byOwnerName(String value);

  /**
   * The objects with {@code value} at {@code metadata.labels.app} (cache index {@code "byApp"}).
   *
   * <p>Returned objects are shared with the informer's cache: never mutate them; copy first with
   * {@code Cache.copy(obj)}.
   */
  List<Foo> byApp(String value);

  /**
   * The objects with {@code value} at {@code metadata.labels} (cache index {@code "byLabel"}; an object is found under each of its values).
   *
   * <p>Returned objects are shared with the informer's cache: never mutate them; copy first with
   * {@code Cache.copy(obj)}.
   */
  List<Foo> byLabel(String value);

  /**
   * The objects with {@code value} at {@code spec.mode} (cache index {@code "byMode"}).
   *
   * <p>Returned objects are shared with the informer's cache: never mutate them; copy first with
   * {@code Cache.copy(obj)}.
   */
  List<Foo> byMode(String value);

  /**
   * A lister over {@code indexer}, which must have the namespace index and the indexes of
   * {@link #indexers()} (the informers of the generated informer factory have them).
   *
   * @throws IllegalArgumentException if an index is missing
   */
  static FooLister create(Indexer<Foo> indexer) {
    return new FooListerImpl(indexer);
  }

  /**
   * The index functions this lister's lookups need, by index name: register them on the
   * informer. They call the model's accessors directly (no reflection).
   */
  static Map<String, IndexFunction<Foo>> indexers() {
    return Map.ofEntries(
          Map.entry("byDeployment", FooListerImpl::byDeploymentValues),
          Map.entry("byReplicas", FooListerImpl::byReplicasValues),
          Map.entry("byTag", FooListerImpl::byTagValues),
          Map.entry("byOwnerName", FooListerImpl::byOwnerNameValues),
          Map.entry("byApp", FooListerImpl::byAppValues),
          Map.entry("byLabel", FooListerImpl::byLabelValues),
          Map.entry("byMode", FooListerImpl::byModeValues));
  }
}
