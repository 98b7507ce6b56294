package com.example.generated.listers.core.v1;

import com.example.core.v1.ConfigMap;
import io.kubegen.runtime.listers.ScopedLister;
import javax.annotation.processing.Generated;

/**
 * Reads the {@link ConfigMap} objects of one namespace from an informer's cache ({@code list}, {@code get} of
 * {@link ScopedLister}); returned objects are shared with the cache: never mutate them. Thread-safe.
 */
@Generated("io.kubegen.listergen.ListerGenStep")
public interface ConfigMapNamespaceLister extends ScopedLister<ConfigMap> {
}
