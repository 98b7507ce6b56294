package com.example.generated.listers.samplecontroller.v1alpha1;

import com.example.samplecontroller.v1alpha1.Foo;
import io.kubegen.runtime.cache.IndexFunction;
import io.kubegen.runtime.cache.Indexer;
import io.kubegen.runtime.listers.IndexerLister;
import io.kubegen.runtime.listers.ResourceLister;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import javax.annotation.processing.Generated;

/**
 * Reads {@link Foo} objects ({@code foos} in {@code samplecontroller.k8s.io/v1alpha1}, namespaced) from an informer's cache:
 * {@code list} from {@link ResourceLister}. Returned objects are shared with the cache: never mutate them
 * (copy with {@code Cache.copy(obj)} first). Thread-safe: each call reads the cache as it is.
 */
@Generated("io.kubegen.listergen.ListerGenStep")
public interface FooLister extends ResourceLister<Foo> {
  /**
   * The lister of the {@code foos} in {@code namespace} ({@code ""}: every namespace).
   */
  FooNamespaceLister foos(String namespace);

  /**
   * The objects with {@code value} at {@code spec.deploymentName} (cache index {@code "byDeployment"}).
   */
  default List<Foo> byDeployment(String value) {
    return byIndex("byDeployment", value);
  }

  /**
   * The objects with {@code value} at {@code spec.replicas} (cache index {@code "byReplicas"}).
   */
  default List<Foo> byReplicas(String value) {
    return byIndex("byReplicas", value);
  }

  /**
   * The objects with {@code value} at {@code spec.tags} (cache index {@code "byTag"}; an object is found under each of its values).
   */
  default List<Foo> byTag(String value) {
    return byIndex("byTag", value);
  }

  /**
   * The objects with {@code value} at {@code spec.owners.name} (cache index {@code "byOwnerName"}; an object is found under each of its values).
   */
  default List<Foo> byOwnerName(String value) {
    return byIndex("byOwnerName", value);
  }

  /**
   * The objects with {@code value} at {@code metadata.labels.app} (cache index {@code "byApp"}).
   */
  default List<Foo> byApp(String value) {
    return byIndex("byApp", value);
  }

  /**
   * The objects with {@code value} at {@code metadata.labels} (cache index {@code "byLabel"}; an object is found under each of its values).
   */
  default List<Foo> byLabel(String value) {
    return byIndex("byLabel", value);
  }

  /**
   * The objects with {@code value} at {@code spec.mode} (cache index {@code "byMode"}).
   */
  default List<Foo> byMode(String value) {
    return byIndex("byMode", value);
  }

  /**
   * A lister over {@code indexer}, which must have the namespace index and {@link #indexers()}
   * (else an {@code IllegalArgumentException} names the missing ones).
   */
  static FooLister create(Indexer<Foo> indexer) {
    IndexerLister.requireIndexes(indexer, indexers().keySet(), "FooLister");
    final class FooListerImpl extends IndexerLister<Foo> implements FooLister, FooNamespaceLister {
      FooListerImpl(String namespace) {
        super(indexer, namespace);
      }

      @Override
      public FooNamespaceLister foos(String namespace) {
        return new FooListerImpl(namespace);
      }
    }
    return new FooListerImpl("");
  }

  /**
   * The index functions of the lookups, by name, to register on the informer (no reflection).
   */
  static Map<String, IndexFunction<Foo>> indexers() {
    return Map.of(
        "byDeployment", obj -> Stream.ofNullable(obj.getSpec())
            .map(spec -> spec.getDeploymentName()).filter(Objects::nonNull).map(String::valueOf)
            .toList(),
        "byReplicas", obj -> Stream.ofNullable(obj.getSpec()).map(spec -> spec.getReplicas())
            .map(String::valueOf).toList(),
        "byTag", obj -> Stream.ofNullable(obj.getSpec()).map(spec -> spec.getTags())
            .filter(Objects::nonNull).flatMap(Collection::stream).filter(Objects::nonNull)
            .map(String::valueOf).toList(),
        "byOwnerName", obj -> Stream.ofNullable(obj.getSpec()).map(spec -> spec.getOwners())
            .filter(Objects::nonNull).flatMap(Collection::stream).filter(Objects::nonNull)
            .map(owner -> owner.name()).filter(Objects::nonNull).map(String::valueOf).toList(),
        "byApp", obj -> Stream.ofNullable(obj.getMetadata()).map(metadata -> metadata.getLabels())
            .filter(Objects::nonNull).map(labels -> labels.get("app")).filter(Objects::nonNull)
            .map(String::valueOf).toList(),
        "byLabel", obj -> Stream.ofNullable(obj.getMetadata()).map(metadata -> metadata.getLabels())
            .filter(Objects::nonNull).flatMap(labels -> labels.entrySet().stream())
            .filter(entry -> entry.getValue() != null)
            .map(entry -> entry.getKey() + "=" + entry.getValue()).toList(),
        "byMode", obj -> Stream.ofNullable(obj.getSpec()).map(spec -> spec.getMode())
            .filter(Objects::nonNull).map(String::valueOf).toList());
  }
}
