package com.example.generated.informers;

import com.example.generated.clientset.Clientset;
import com.example.generated.informers.core.v1.ConfigMapInformer;
import com.example.generated.informers.core.v1.NamespaceInformer;
import com.example.generated.informers.samplecontroller.v1alpha1.BarInformer;
import com.example.generated.informers.samplecontroller.v1alpha1.FooInformer;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.cache.SharedIndexInformer;
import io.kubegen.runtime.informers.GenericInformer;
import io.kubegen.runtime.informers.SharedInformerFactoryBase;
import io.kubegen.runtime.informers.SharedInformerOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
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
  private static final Map<GroupVersionResource, Function<SharedInformerFactory, SharedIndexInformer<? extends KubernetesObject>>> INFORMERS;

  static {
    Map<GroupVersionResource, Function<SharedInformerFactory, SharedIndexInformer<? extends KubernetesObject>>> informers = new HashMap<>();
    informers.put(new GroupVersionResource("", "v1", "configmaps"),
        f -> f.core().v1().configMaps().informer());
    informers.put(new GroupVersionResource("", "v1", "namespaces"),
        f -> f.core().v1().namespaces().informer());
    informers.put(new GroupVersionResource("samplecontroller.k8s.io", "v1alpha1", "bars"),
        f -> f.samplecontroller().v1alpha1().bars().informer());
    informers.put(new GroupVersionResource("samplecontroller.k8s.io", "v1alpha1", "foos"),
        f -> f.samplecontroller().v1alpha1().foos().informer());
    INFORMERS = Map.copyOf(informers);
  }

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
   * {@code transform}, {@code metrics}, and {@code listMode} and {@code reflectorOptions}, for every
   * informer or per type).
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
    return new CoreInformers();
  }

  /**
   * The informers of API group {@code samplecontroller.k8s.io}.
   */
  public SamplecontrollerInformers samplecontroller() {
    return new SamplecontrollerInformers();
  }

  /**
   * The shared informer of {@code resource}, untyped (client-go's {@code ForResource}); the same
   * informer the typed accessor returns.
   *
   * @throws IllegalArgumentException if this factory has no informer for {@code resource}
   */
  public GenericInformer forResource(GroupVersionResource resource) {
    return GenericInformer.forResource(resource, INFORMERS, this);
  }

  /**
   * The informers of API group {@code core}, one accessor per version.
   */
  public final class CoreInformers {
    /**
     * The informers of {@code v1}.
     */
    public CoreV1Informers v1() {
      return new CoreV1Informers();
    }
  }

  /**
   * The informers of API group version {@code v1}, one per resource.
   */
  public final class CoreV1Informers {
    /**
     * The informer of {@code configmaps} (in the factory's namespace).
     */
    public ConfigMapInformer configMaps() {
      return new ConfigMapInformer(SharedInformerFactory.this, clientset);
    }

    /**
     * The informer of {@code namespaces} (cluster-scoped).
     */
    public NamespaceInformer namespaces() {
      return new NamespaceInformer(SharedInformerFactory.this, clientset);
    }
  }

  /**
   * The informers of API group {@code samplecontroller.k8s.io}, one accessor per version.
   */
  public final class SamplecontrollerInformers {
    /**
     * The informers of {@code samplecontroller.k8s.io/v1alpha1}.
     */
    public SamplecontrollerV1alpha1Informers v1alpha1() {
      return new SamplecontrollerV1alpha1Informers();
    }
  }

  /**
   * The informers of API group version {@code samplecontroller.k8s.io/v1alpha1}, one per resource.
   */
  public final class SamplecontrollerV1alpha1Informers {
    /**
     * The informer of {@code bars} (cluster-scoped).
     */
    public BarInformer bars() {
      return new BarInformer(SharedInformerFactory.this, clientset);
    }

    /**
     * The informer of {@code foos} (in the factory's namespace).
     */
    public FooInformer foos() {
      return new FooInformer(SharedInformerFactory.this, clientset);
    }
  }
}
