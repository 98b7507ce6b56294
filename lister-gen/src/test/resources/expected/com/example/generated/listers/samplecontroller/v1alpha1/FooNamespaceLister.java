package com.example.generated.listers.samplecontroller.v1alpha1;

import com.example.samplecontroller.v1alpha1.Foo;
import io.kubegen.runtime.listers.ScopedLister;
import javax.annotation.processing.Generated;

/**
 * Reads the {@link Foo} objects of one namespace from an informer's cache: {@code list} and
 * {@code get} from {@link ScopedLister}, through the cache's namespace index. Returned objects are shared
 * with the cache: never mutate them (copy with {@code Cache.copy(obj)} first). Thread-safe.
 */
@Generated("io.kubegen.listergen.ListerGenStep")
public interface FooNamespaceLister extends ScopedLister<Foo> {
}
