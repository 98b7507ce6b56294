package com.example.generated.listers.samplecontroller.v1alpha1;

import com.example.samplecontroller.v1alpha1.Foo;
import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.cache.Cache;
import io.kubegen.runtime.cache.Indexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * {@link FooLister} over an {@code Indexer}, and the index functions of its lookups.
 */
@Generated("io.kubegen.listergen.ListerGenStep")
final class FooListerImpl implements FooLister {
  private final Indexer<Foo> indexer;

  FooListerImpl(Indexer<Foo> indexer) {
    this.indexer = Objects.requireNonNull(indexer, "indexer");
    for (String index : List.of(Cache.NAMESPACE_INDEX, "byDeployment", "byReplicas", "byTag", "byOwnerName", "byApp", "byLabel", "byMode")) {
      if (!indexer.getIndexers().containsKey(index)) {
        throw new IllegalArgumentException("the indexer has no index \"" + index + "\"; register FooLister.indexers() on the informer");
      }
    }
  }

  @Override
  public List<Foo> list(LabelSelector selector) {
    return select(indexer.list(), selector);
  }

  @Override
  public FooNamespaceLister foos(String namespace) {
    return new Namespaced(indexer, Objects.requireNonNull(namespace, "namespace"));
  }

  @Override
  public List<Foo> byDeployment(String value) {
    return indexer.byIndex("byDeployment", Objects.requireNonNull(value, "value"));
  }

  @Override
  public List<Foo> byReplicas(String value) {
    return indexer.byIndex("byReplicas", Objects.requireNonNull(value, "value"));
  }

  @Override
  public List<Foo> byTag(String value) {
    return indexer.byIndex("byTag", Objects.requireNonNull(value, "value"));
  }

  @Override
  public List<Foo> byOwnerName(String value) {
    return indexer.byIndex("byOwnerName", Objects.requireNonNull(value, "value"));
  }

  @Override
  public List<Foo> byApp(String value) {
    return indexer.byIndex("byApp", Objects.requireNonNull(value, "value"));
  }

  @Override
  public List<Foo> byLabel(String value) {
    return indexer.byIndex("byLabel", Objects.requireNonNull(value, "value"));
  }

  @Override
  public List<Foo> byMode(String value) {
    return indexer.byIndex("byMode", Objects.requireNonNull(value, "value"));
  }

  /**
   * The objects whose labels match {@code selector}.
   */
  static List<Foo> select(List<Foo> objects, LabelSelector selector) {
    if (Objects.requireNonNull(selector, "selector").isEmpty()) {
      return objects;
    }
    List<Foo> out = new ArrayList<>();
    for (Foo obj : objects) {
      if (selector.matches(obj.getMetadata() == null ? null : obj.getMetadata().getLabels())) {
        out.add(obj);
      }
    }
    return out;
  }

  /**
   * Index {@code "byDeployment"}: the values at {@code spec.deploymentName} of {@code obj}.
   */
  static List<String> byDeploymentValues(Foo obj) {
    List<String> values = new ArrayList<>();
    var spec = obj.getSpec();
    if (spec != null) {
      var deploymentName = spec.getDeploymentName();
      if (deploymentName != null) {
        values.add(String.valueOf(deploymentName));
      }
    }
    return values;
  }

  /**
   * Index {@code "byReplicas"}: the values at {@code spec.replicas} of {@code obj}.
   */
  static List<String> byReplicasValues(Foo obj) {
    List<String> values = new ArrayList<>();
    var spec = obj.getSpec();
    if (spec != null) {
      var replicas = spec.getReplicas();
      values.add(String.valueOf(replicas));
    }
    return values;
  }

  /**
   * Index {@code "byTag"}: the values at {@code spec.tags} of {@code obj}.
   */
  static List<String> byTagValues(Foo obj) {
    List<String> values = new ArrayList<>();
    var spec = obj.getSpec();
    if (spec != null) {
      var tags = spec.getTags();
      if (tags != null) {
        for (var tagsElement : tags) {
          if (tagsElement != null) {
            values.add(String.valueOf(tagsElement));
          }
        }
      }
    }
    return values;
  }

  /**
   * Index {@code "byOwnerName"}: the values at {@code spec.owners.name} of {@code obj}.
   */
  static List<String> byOwnerNameValues(Foo obj) {
    List<String> values = new ArrayList<>();
    var spec = obj.getSpec();
    if (spec != null) {
      var owners = spec.getOwners();
      if (owners != null) {
        for (var ownersElement : owners) {
          if (ownersElement != null) {
            var name = ownersElement.name();
            if (name != null) {
              values.add(String.valueOf(name));
            }
          }
        }
      }
    }
    return values;
  }

  /**
   * Index {@code "byApp"}: the values at {@code metadata.labels.app} of {@code obj}.
   */
  static List<String> byAppValues(Foo obj) {
    List<String> values = new ArrayList<>();
    var metadata = obj.getMetadata();
    if (metadata != null) {
      var labels = metadata.getLabels();
      if (labels != null) {
        var app = labels.get("app");
        if (app != null) {
          values.add(String.valueOf(app));
        }
      }
    }
    return values;
  }

  /**
   * Index {@code "byLabel"}: the values at {@code metadata.labels} of {@code obj}.
   */
  static List<String> byLabelValues(Foo obj) {
    List<String> values = new ArrayList<>();
    var metadata = obj.getMetadata();
    if (metadata != null) {
      var labels = metadata.getLabels();
      if (labels != null) {
        for (var labelsEntry : labels.entrySet()) {
          if (labelsEntry.getValue() != null) {
            values.add(labelsEntry.getKey() + "=" + labelsEntry.getValue());
          }
        }
      }
    }
    return values;
  }

  /**
   * Index {@code "byMode"}: the values at {@code spec.mode} of {@code obj}.
   */
  static List<String> byModeValues(Foo obj) {
    List<String> values = new ArrayList<>();
    var spec = obj.getSpec();
    if (spec != null) {
      var mode = spec.getMode();
      if (mode != null) {
        values.add(String.valueOf(mode));
      }
    }
    return values;
  }

  /**
   * {@link FooNamespaceLister} of one namespace ({@code ""}: every namespace).
   */
  private static final class Namespaced implements FooNamespaceLister {
    private final Indexer<Foo> indexer;

    private final String namespace;

    Namespaced(Indexer<Foo> indexer, String namespace) {
      this.indexer = indexer;
      this.namespace = namespace;
    }

    @Override
    public List<Foo> list(LabelSelector selector) {
      return select(namespace.isEmpty() ? indexer.list() : indexer.byIndex(Cache.NAMESPACE_INDEX, namespace), selector);
    }

    @Override
    public Optional<Foo> get(String name) {
      Objects.requireNonNull(name, "name");
      return indexer.getByKey(namespace.isEmpty() ? name : namespace + "/" + name);
    }
  }
}
