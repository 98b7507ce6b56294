package io.kubegen.gen.writer;

import com.palantir.javapoet.ClassName;
import io.kubegen.gen.model.ApiGroupVersion;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.Naming;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.model.TypeRef;
import java.util.List;

/**
 * The names of generated types, shared by all generators so that informer-gen refers to exactly
 * the {@code Clientset} client-gen writes and lister-gen's {@code FooLister} (DESIGN.md,
 * "Generated code"). Stateless.
 */
public final class GeneratedNames {
  private GeneratedNames() {}

  /** The JavaPoet name of a {@link TypeRef}. */
  public static ClassName className(TypeRef ref) {
    List<String> names = ref.simpleNames();
    return ClassName.get(ref.packageName(), names.get(0), names.subList(1, names.size()).toArray(String[]::new));
  }

  /** The model type of a resource, such as {@code com.example.v1alpha1.Foo}. */
  public static ClassName resourceType(ResourceDescriptor r) {
    return className(r.type());
  }

  /** {@code <base>.clientset.Clientset}. */
  public static ClassName clientset(ApiModel model) {
    return ClassName.get(model.treePackage(Naming.CLIENTSET), "Clientset");
  }

  /** {@code <base>.clientset.fake.FakeClientset}. */
  public static ClassName fakeClientset(ApiModel model) {
    return ClassName.get(model.treePackage(Naming.CLIENTSET) + "." + Naming.FAKE, "FakeClientset");
  }

  /** {@code <base>.clientset.<g>.<v>.<G><V>Client}. */
  public static ClassName groupVersionClient(ApiModel model, ApiGroupVersion gv) {
    return ClassName.get(model.groupVersionPackage(Naming.CLIENTSET, gv), gv.typePrefix() + "Client");
  }

  /** {@code <base>.clientset.<g>.<v>.FooClient}. */
  public static ClassName typedClient(ApiModel model, ResourceDescriptor r) {
    return ClassName.get(model.groupVersionPackage(Naming.CLIENTSET, r.groupVersion()), r.generatedName("Client"));
  }

  /** {@code <base>.listers.<g>.<v>.FooLister}. */
  public static ClassName lister(ApiModel model, ResourceDescriptor r) {
    return ClassName.get(model.groupVersionPackage(Naming.LISTERS, r.groupVersion()), r.generatedName("Lister"));
  }

  /** {@code <base>.listers.<g>.<v>.FooNamespaceLister}, beside {@code FooLister} in its package. */
  public static ClassName namespaceLister(ApiModel model, ResourceDescriptor r) {
    return ClassName.get(model.groupVersionPackage(Naming.LISTERS, r.groupVersion()), r.generatedName("NamespaceLister"));
  }

  /** {@code <base>.informers.<g>.<v>.FooInformer}. */
  public static ClassName informer(ApiModel model, ResourceDescriptor r) {
    return ClassName.get(model.groupVersionPackage(Naming.INFORMERS, r.groupVersion()), r.generatedName("Informer"));
  }

  /** {@code SharedInformerFactory.<G>Informers}: the informers of one group, by version (nested in the factory). */
  public static ClassName groupInformers(ApiModel model, String groupSegment) {
    return sharedInformerFactory(model).nestedClass(Naming.capitalise(groupSegment) + "Informers");
  }

  /** {@code SharedInformerFactory.<G><V>Informers}: the informers of one group version, by resource (nested in the factory). */
  public static ClassName groupVersionInformers(ApiModel model, ApiGroupVersion gv) {
    return sharedInformerFactory(model).nestedClass(gv.typePrefix() + "Informers");
  }

  /** {@code <base>.informers.SharedInformerFactory}. */
  public static ClassName sharedInformerFactory(ApiModel model) {
    return ClassName.get(model.treePackage(Naming.INFORMERS), "SharedInformerFactory");
  }
}
