package com.example.generated.listers.core.v1;

import com.example.core.v1.ConfigMap;
import io.kubegen.runtime.listers.ScopedLister;
import javax.annotation.processing.Generated;

/**
 * Reads the {@link ConfigMap} objects of one namespace from an informer's cache: {@code list} and
 * {@code get} from {@link ScopedLister}, through the cache's namespace index. Returned objects are shared
 * with the cache: never mutate them (copy with {@code Cache.copy(obj)} first). Thread-safe.
 */
@Generated("io.kubegen.listergen.ListerGenStep")
public interface ConfigMapNamespaceLister extends ScopedLister<ConfigMap> {
}
