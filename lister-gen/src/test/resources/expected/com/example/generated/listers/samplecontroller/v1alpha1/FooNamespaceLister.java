package com.example.generated.listers.samplecontroller.v1alpha1;

import com.example.samplecontroller.v1alpha1.Foo;
import io.kubegen.runtime.api.LabelSelector;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * Reads the {@link Foo} objects of one namespace from an informer's cache, through the
 * cache's namespace index.
 *
 * <p>Returned objects are shared with the informer's cache: never mutate them; copy first with
 * {@code Cache.copy(obj)}.
 *
 * <p>Thread-safe: every call reads the cache as it is at that moment.
 */
@Generated("io.kubegen.listergen.ListerGenStep")
public interface FooNamespaceLister {
  /**
   * The objects of this namespace whose labels match {@code selector};
   * {@code LabelSelector.everything()} for all.
   *
   * <p>Returned objects are shared with the informer's cache: never mutate them; copy first with
   * {@code Cache.copy(obj)}.
   */
  List<Foo> list(LabelSelector selector);

  /**
   * The object named {@code name} in this namespace, if the cache has it.
   *
   * <p>Returned objects are shared with the informer's cache: never mutate them; copy first with
   * {@code Cache.copy(obj)}.
   */
  Optional<Foo> get(String name);
}
