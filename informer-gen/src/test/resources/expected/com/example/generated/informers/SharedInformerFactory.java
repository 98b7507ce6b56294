package com.example.generated.informers;

import com.example.generated.clientset.Clientset;
import com.example.generated.informers.core.CoreInformers;
import com.example.generated.informers.samplecontroller.SamplecontrollerInformers;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.informers.SharedInformerFactoryBase;
import io.kubegen.runtime.informers.SharedInformerOption;
import java.time.Duration;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Shared informers of every generated resource, one per type however often it is asked for
 * (client-go's {@code SharedInformerFactory}):
 * <pre>{@code
 * SharedInformerFactory factory = SharedInformerFactory.create(clientset, Duration.ofMinutes(10));
 * ConfigMapInformer configMaps = factory.core().v1().configMaps();
 * configMaps.informer().addEventHandler(handler);
 * factory.start();
 * factory.waitForCacheSync(Duration.ofSeconds(30));
 * ...
 * factory.shutdown();
 * }</pre>
 *
 * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
 * them; copy first with {@code Cache.copy(obj)}.
 *
 * <p>Thread-safe (see {@code SharedInformerFactoryBase}): informers asked for after {@link #start()}
 * are started by the next {@code start()}; {@link #shutdown()} stops them all and joins their threads.
 */
@Generated("io.kubegen.informergen.InformerGenStep")
public final class SharedInformerFactory extends SharedInformerFactoryBase {
  private final Clientset clientset;

  private SharedInformerFactory(Clientset clientset, Duration defaultResync,
      SharedInformerOption... options) {
    super(defaultResync, options);
    this.clientset = Objects.requireNonNull(clientset, "clientset");
  }

  /**
   * A factory whose informers list and watch through {@code clientset} (a {@code FakeClientset}
   * in tests) and resync every {@code defaultResync} (zero: never), changed by {@code options}
   * ({@code SharedInformerOption.namespace}, {@code tweakListOptions}, {@code customResync},
   * {@code transform}).
   */
  public static SharedInformerFactory create(Clientset clientset, Duration defaultResync,
      SharedInformerOption... options) {
    return new SharedInformerFactory(clientset, defaultResync, options);
  }

  /**
   * The clientset the informers list and watch through.
   */
  public Clientset clientset() {
    return clientset;
  }

  /**
   * The informers of API group {@code core}.
   */
  public CoreInformers core() {
    return new CoreInformers(this, clientset);
  }

  /**
   * The informers of API group {@code samplecontroller.k8s.io}.
   */
  public SamplecontrollerInformers samplecontroller() {
    return new SamplecontrollerInformers(this, clientset);
  }

  /**
   * The shared informer of {@code resource}, untyped (client-go's {@code ForResource}); the same
   * informer the typed accessor returns.
   *
   * <p>Objects in the cache, given to handlers and returned by listers are shared: never mutate
   * them; copy first with {@code Cache.copy(obj)}.
   *
   * @throws IllegalArgumentException if this factory has no informer for {@code resource}
   */
  public GenericInformer forResource(GroupVersionResource resource) {
    Objects.requireNonNull(resource, "resource");
    if (resource.equals(new GroupVersionResource("", "v1", "configmaps"))) {
      return new GenericInformer(resource, core().v1().configMaps().informer());
    }
    if (resource.equals(new GroupVersionResource("", "v1", "namespaces"))) {
      return new GenericInformer(resource, core().v1().namespaces().informer());
    }
    if (resource.equals(new GroupVersionResource("samplecontroller.k8s.io", "v1alpha1", "bars"))) {
      return new GenericInformer(resource, samplecontroller().v1alpha1().bars().informer());
    }
    if (resource.equals(new GroupVersionResource("samplecontroller.k8s.io", "v1alpha1", "foos"))) {
      return new GenericInformer(resource, samplecontroller().v1alpha1().foos().informer());
    }
    throw new IllegalArgumentException("no informer for resource " + resource + "; this factory has informers for: v1, Resource=configmaps; v1, Resource=namespaces; samplecontroller.k8s.io/v1alpha1, Resource=bars; samplecontroller.k8s.io/v1alpha1, Resource=foos");
  }
}
