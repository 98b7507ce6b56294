package io.kubegen.gen.writer;

import com.palantir.javapoet.ClassName;

/**
 * The runtime types generated code refers to, by name only: processors never load runtime
 * classes, so a processor jar works without the runtime on the processor path.
 */
public final class RuntimeTypes {
  private static final String API = "io.kubegen.runtime.api";

  public static final ClassName KUBERNETES_OBJECT = ClassName.get(API, "KubernetesObject");
  public static final ClassName OBJECT_META = ClassName.get(API, "ObjectMeta");
  public static final ClassName OBJECT_LIST = ClassName.get(API, "ObjectList");
  public static final ClassName GROUP_VERSION_RESOURCE = ClassName.get(API, "GroupVersionResource");
  public static final ClassName GROUP_VERSION_KIND = ClassName.get(API, "GroupVersionKind");
  public static final ClassName LIST_OPTIONS = ClassName.get(API, "ListOptions");
  public static final ClassName GET_OPTIONS = ClassName.get(API, "GetOptions");
  public static final ClassName CREATE_OPTIONS = ClassName.get(API, "CreateOptions");
  public static final ClassName UPDATE_OPTIONS = ClassName.get(API, "UpdateOptions");
  public static final ClassName DELETE_OPTIONS = ClassName.get(API, "DeleteOptions");
  public static final ClassName PATCH_OPTIONS = ClassName.get(API, "PatchOptions");
  public static final ClassName PATCH_TYPE = ClassName.get(API, "PatchType");
  public static final ClassName LABEL_SELECTOR = ClassName.get(API, "LabelSelector");
  public static final ClassName WATCH = ClassName.get("io.kubegen.runtime.watch", "Watch");
  public static final ClassName REST_CONFIG = ClassName.get("io.kubegen.runtime.config", "RestConfig");
  public static final ClassName REST_CLIENT = ClassName.get("io.kubegen.runtime.rest", "RestClient");
  public static final ClassName KUBE_API_EXCEPTION = ClassName.get("io.kubegen.runtime.rest", "KubeApiException");
  public static final ClassName DISCOVERY_CLIENT = ClassName.get("io.kubegen.runtime.dynamic", "DiscoveryClient");
  public static final ClassName OBJECT_TRACKER = ClassName.get("io.kubegen.runtime.testing", "ObjectTracker");
  public static final ClassName FAKE_CLIENTSET_BASE = ClassName.get("io.kubegen.runtime.testing", "FakeClientsetBase");
  public static final ClassName SHARED_INDEX_INFORMER = ClassName.get("io.kubegen.runtime.cache", "SharedIndexInformer");
  public static final ClassName INDEXER = ClassName.get("io.kubegen.runtime.cache", "Indexer");
  public static final ClassName LIST_WATCH = ClassName.get("io.kubegen.runtime.cache", "ListWatch");
  public static final ClassName SHARED_INFORMER_FACTORY_BASE =
      ClassName.get("io.kubegen.runtime.informers", "SharedInformerFactoryBase");
  public static final ClassName INDEX_FUNCTION = ClassName.get("io.kubegen.runtime.cache", "IndexFunction");
  public static final ClassName SHARED_INFORMER_OPTION =
      ClassName.get("io.kubegen.runtime.informers", "SharedInformerOption");
  public static final ClassName RESOURCE_TYPE = ClassName.get(API, "ResourceType");
  public static final ClassName RESOURCE_OPERATIONS = ClassName.get("io.kubegen.runtime.rest", "ResourceOperations");
  public static final ClassName RESOURCE_BACKEND = ClassName.get("io.kubegen.runtime.rest", "ResourceBackend");
  public static final ClassName TYPED_CLIENT = ClassName.get("io.kubegen.runtime.rest", "TypedClient");
  public static final ClassName RESOURCE_LISTER = ClassName.get("io.kubegen.runtime.listers", "ResourceLister");
  public static final ClassName SCOPED_LISTER = ClassName.get("io.kubegen.runtime.listers", "ScopedLister");
  public static final ClassName INDEXER_LISTER = ClassName.get("io.kubegen.runtime.listers", "IndexerLister");
  public static final ClassName TYPED_INFORMER = ClassName.get("io.kubegen.runtime.informers", "TypedInformer");
  public static final ClassName GENERIC_INFORMER = ClassName.get("io.kubegen.runtime.informers", "GenericInformer");

  /** The verb interface a typed client extends for {@code verb}, such as {@code Creatable} (generic in the resource type, except the two deletes). */
  public static ClassName verbInterface(io.kubegen.annotations.Verb verb) {
    String name = switch (verb) {
      case CREATE -> "Creatable";
      case UPDATE -> "Updatable";
      case UPDATE_STATUS -> "StatusUpdatable";
      case DELETE -> "Deletable";
      case DELETE_COLLECTION -> "CollectionDeletable";
      case GET -> "Gettable";
      case LIST -> "Listable";
      case WATCH -> "Watchable";
      case PATCH -> "Patchable";
      case APPLY -> "Appliable";
      case APPLY_STATUS -> "StatusAppliable";
    };
    return ClassName.get("io.kubegen.runtime.rest", name);
  }

  /** The reading verbs of a typed client: {@code ReadOnlyClient}. */
  public static final ClassName READ_ONLY_CLIENT = ClassName.get("io.kubegen.runtime.rest", "ReadOnlyClient");
  /** Every verb on the object: {@code WritableClient}. */
  public static final ClassName WRITABLE_CLIENT = ClassName.get("io.kubegen.runtime.rest", "WritableClient");
  /** The {@code status} verbs: {@code StatusWriter}. */
  public static final ClassName STATUS_WRITER = ClassName.get("io.kubegen.runtime.rest", "StatusWriter");

  private RuntimeTypes() {}
}
