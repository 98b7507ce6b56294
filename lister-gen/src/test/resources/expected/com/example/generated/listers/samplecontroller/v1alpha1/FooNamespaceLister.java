package com.example.generated.listers.samplecontroller.v1alpha1;

import com.example.samplecontroller.v1alpha1.Foo;
import io.kubegen.runtime.listers.ScopedLister;
import javax.annotation.processing.Generated;

/**
 * Reads the {@link Foo} objects of one namespace from an informer's cache ({@code list}, {@code get} of
 * {@link ScopedLister}); returned objects are shared with the cache: never mutate them. Thread-safe.
 */
@Generated("io.kubegen.listergen.ListerGenStep")
public interface FooNamespaceLister extends ScopedLister<Foo> {
}
