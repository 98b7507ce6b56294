package com.example.generated.informers;

import com.example.generated.clientset.Clientset;
import com.example.generated.clientset.core.v1.CoreV1Client;
import com.example.generated.clientset.samplecontroller.v1alpha1.BarClient;
import com.example.generated.clientset.samplecontroller.v1alpha1.FooClient;
import com.example.generated.informers.core.v1.ConfigMapInformer;
import com.example.generated.informers.core.v1.NamespaceInformer;
import com.example.generated.informers.samplecontroller.v1alpha1.BarInformer;
import com.example.generated.informers.samplecontroller.v1alpha1.FooInformer;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ResourceType;
import io.kubegen.runtime.cache.SharedIndexInformer;
import io.kubegen.runtime.informers.GenericInformer;
import io.kubegen.runtime.informers.SharedInformerFactoryBase;
import io.kubegen.runtime.informers.SharedInformerOption;
import java.time.Duration;
import java.util.List;
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
  private static final List<List<ResourceType<?>>> SERVED = List.of(CoreV1Client.TYPES,
      List.of(BarClient.TYPE, FooClient.TYPE));

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
    Objects.requireNonNull(resource, "resource");
    SharedIndexInformer<? extends KubernetesObject> informer = switch (resource.group() + "/" + resource.version()) {
      case "/v1" -> core().v1().informer(resource.resource());
      case "samplecontroller.k8s.io/v1alpha1" -> samplecontroller().v1alpha1().informer(resource.resource());
      default -> null;
    };
    return GenericInformer.of(resource, informer, SERVED);
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
   * The informers of API group version {@code v1}, one accessor per resource, named after its plural:
   * each returns the factory's one informer of that resource, in the factory's namespace for a namespaced one.
   */
  public final class CoreV1Informers {
    public ConfigMapInformer configMaps() {
      return new ConfigMapInformer(SharedInformerFactory.this, clientset);
    }

    public NamespaceInformer namespaces() {
      return new NamespaceInformer(SharedInformerFactory.this, clientset);
    }

    private SharedIndexInformer<? extends KubernetesObject> informer(String resource) {
      return switch (resource) {
        case "configmaps" -> configMaps().informer();
        case "namespaces" -> namespaces().informer();
        default -> null;
      };
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
   * The informers of API group version {@code samplecontroller.k8s.io/v1alpha1}, one accessor per resource, named after its plural:
   * each returns the factory's one informer of that resource, in the factory's namespace for a namespaced one.
   */
  public final class SamplecontrollerV1alpha1Informers {
    public BarInformer bars() {
      return new BarInformer(SharedInformerFactory.this, clientset);
    }

    public FooInformer foos() {
      return new FooInformer(SharedInformerFactory.this, clientset);
    }

    private SharedIndexInformer<? extends KubernetesObject> informer(String resource) {
      return switch (resource) {
        case "bars" -> bars().informer();
        case "foos" -> foos().informer();
        default -> null;
      };
    }
  }
}
