package io.kubegen.informergen;

import static io.kubegen.gen.writer.RuntimeTypes.CACHE;
import static io.kubegen.gen.writer.RuntimeTypes.GROUP_VERSION_RESOURCE;
import static io.kubegen.gen.writer.RuntimeTypes.INDEXER;
import static io.kubegen.gen.writer.RuntimeTypes.KUBERNETES_OBJECT;
import static io.kubegen.gen.writer.RuntimeTypes.LABEL_SELECTOR;
import static io.kubegen.gen.writer.RuntimeTypes.SHARED_INDEX_INFORMER;
import static io.kubegen.gen.writer.RuntimeTypes.SHARED_INFORMER_FACTORY_BASE;
import static io.kubegen.gen.writer.RuntimeTypes.SHARED_INFORMER_OPTION;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.kubegen.gen.model.ApiGroupVersion;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.writer.GeneratedFiles;
import io.kubegen.gen.writer.GeneratedNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code SharedInformerFactory} (extending the runtime's {@code SharedInformerFactoryBase})
 * and the untyped {@code GenericInformer} and {@code GenericLister} its {@code forResource}
 * returns.
 */
final class FactoryWriter {
  private final ApiModel model;
  private final GeneratedFiles files;

  FactoryWriter(ApiModel model, GeneratedFiles files) {
    this.model = model;
    this.files = files;
  }

  void write() {
    writeFactory();
    writeGenericInformer();
    writeGenericLister();
  }

  private TypeSpec.Builder withOrigins(TypeSpec.Builder type) {
    model.resources().forEach(r -> type.addOriginatingElement(r.element()));
    return type;
  }

  private void writeFactory() {
    ClassName factory = GeneratedNames.sharedInformerFactory(model);
    ClassName clientset = GeneratedNames.clientset(model);
    ClassName generic = GeneratedNames.genericInformer(model);
    TypeSpec.Builder type = withOrigins(TypeSpec.classBuilder(factory)).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(SHARED_INFORMER_FACTORY_BASE)
        .addJavadoc("Shared informers of every generated resource, one per type however often it is asked for\n"
            + "(client-go's {@code SharedInformerFactory}):\n"
            + "<pre>{@code\n"
            + "SharedInformerFactory factory = SharedInformerFactory.create(clientset, Duration.ofMinutes(10));\n"
            + "$LInformer $L = factory.$L;\n"
            + "$L.informer().addEventHandler(handler);\n"
            + "factory.start();\n"
            + "factory.waitForCacheSync(Duration.ofSeconds(30));\n"
            + "...\n"
            + "factory.shutdown();\n"
            + "}</pre>\n\n", model.resources().get(0).kind(), model.resources().get(0).accessorName(),
            example(model.resources().get(0)), model.resources().get(0).accessorName())
        .addJavadoc(InformerWriter.SHARED)
        .addJavadoc("\n<p>Thread-safe (see {@code SharedInformerFactoryBase}): informers asked for after {@link #start()}\n"
            + "are started by the next {@code start()}; {@link #shutdown()} stops them all and joins their threads.\n")
        .addField(clientset, "clientset", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
        .addParameter(clientset, "clientset").addParameter(Duration.class, "defaultResync")
        .addParameter(ArrayTypeName.of(SHARED_INFORMER_OPTION), "options").varargs()
        .addStatement("super(defaultResync, options)")
        .addStatement("this.clientset = $T.requireNonNull(clientset, $S)", Objects.class, "clientset").build());
    type.addMethod(MethodSpec.methodBuilder("create").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(factory)
        .addJavadoc("A factory whose informers list and watch through {@code clientset} (a {@code FakeClientset}\n"
            + "in tests) and resync every {@code defaultResync} (zero: never), changed by {@code options}\n"
            + "({@code SharedInformerOption.namespace}, {@code tweakListOptions}, {@code customResync},\n"
            + "{@code transform}).\n")
        .addParameter(clientset, "clientset").addParameter(Duration.class, "defaultResync")
        .addParameter(ArrayTypeName.of(SHARED_INFORMER_OPTION), "options").varargs()
        .addStatement("return new $T(clientset, defaultResync, options)", factory).build());
    type.addMethod(MethodSpec.methodBuilder("clientset").addModifiers(Modifier.PUBLIC).returns(clientset)
        .addJavadoc("The clientset the informers list and watch through.\n")
        .addStatement("return clientset").build());
    for (Map.Entry<String, List<ApiGroupVersion>> e : model.groupVersionsBySegment().entrySet()) {
      ClassName group = GeneratedNames.groupInformers(model, e.getKey());
      ApiGroupVersion first = e.getValue().get(0);
      type.addMethod(MethodSpec.methodBuilder(InformerNames.groupAccessor(e.getKey())).addModifiers(Modifier.PUBLIC)
          .returns(group)
          .addJavadoc("The informers of API group {@code $L}.\n", first.isCore() ? "core" : first.group())
          .addStatement("return new $T(this, clientset)", group).build());
    }
    MethodSpec.Builder forResource = MethodSpec.methodBuilder("forResource").addModifiers(Modifier.PUBLIC)
        .returns(generic).addParameter(GROUP_VERSION_RESOURCE, "resource")
        .addJavadoc("The shared informer of {@code resource}, untyped (client-go's {@code ForResource}); the same\n"
            + "informer the typed accessor returns.\n\n")
        .addJavadoc(InformerWriter.SHARED)
        .addJavadoc("\n@throws IllegalArgumentException if this factory has no informer for {@code resource}\n")
        .addStatement("$T.requireNonNull(resource, $S)", Objects.class, "resource");
    List<String> served = new ArrayList<>();
    for (ResourceDescriptor r : model.resources()) {
      ApiGroupVersion gv = r.groupVersion();
      served.add(new StringBuilder().append(gv.isCore() ? "" : gv.group() + "/").append(gv.version())
          .append(", Resource=").append(r.plural()).toString());
      forResource.beginControlFlow("if (resource.equals(new $T($S, $S, $S)))", GROUP_VERSION_RESOURCE, gv.group(),
              gv.version(), r.plural())
          .addStatement("return new $T(resource, $L().$L().$L().informer())", generic,
              InformerNames.groupAccessor(gv.groupSegment()),
              gv.versionSegment(), r.accessorName())
          .endControlFlow();
    }
    forResource.addStatement("throw new $T($S + resource + $S)", IllegalArgumentException.class,
        "no informer for resource ", "; this factory has informers for: " + String.join("; ", served));
    type.addMethod(forResource.build());
    files.write(factory.packageName(), files.annotate(type).build());
  }

  private static String example(ResourceDescriptor r) {
    ApiGroupVersion gv = r.groupVersion();
    return InformerNames.groupAccessor(gv.groupSegment()) + "()." + gv.versionSegment() + "()." + r.accessorName() + "()";
  }

  private void writeGenericInformer() {
    ClassName generic = GeneratedNames.genericInformer(model);
    ClassName lister = GeneratedNames.genericLister(model);
    TypeName informer = ParameterizedTypeName.get(SHARED_INDEX_INFORMER, WildcardTypeName.subtypeOf(KUBERNETES_OBJECT));
    TypeSpec.Builder type = withOrigins(TypeSpec.classBuilder(generic)).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("A shared informer seen without its type, as {@code SharedInformerFactory.forResource} returns it\n"
            + "(client-go's {@code GenericInformer}).\n\n")
        .addJavadoc(InformerWriter.SHARED)
        .addJavadoc("\n<p>Immutable; the informer and lister are thread-safe.\n")
        .addField(GROUP_VERSION_RESOURCE, "resource", Modifier.PRIVATE, Modifier.FINAL)
        .addField(informer, "informer", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(GROUP_VERSION_RESOURCE, "resource").addParameter(informer, "informer")
            .addStatement("this.resource = $T.requireNonNull(resource, $S)", Objects.class, "resource")
            .addStatement("this.informer = $T.requireNonNull(informer, $S)", Objects.class, "informer").build())
        .addMethod(MethodSpec.methodBuilder("resource").addModifiers(Modifier.PUBLIC).returns(GROUP_VERSION_RESOURCE)
            .addJavadoc("The resource this informer watches.\n")
            .addStatement("return resource").build())
        .addMethod(MethodSpec.methodBuilder("informer").addModifiers(Modifier.PUBLIC).returns(informer)
            .addJavadoc("The shared informer.\n\n").addJavadoc(InformerWriter.SHARED)
            .addStatement("return informer").build())
        .addMethod(MethodSpec.methodBuilder("lister").addModifiers(Modifier.PUBLIC).returns(lister)
            .addJavadoc("An untyped lister over the informer's cache.\n\n").addJavadoc(InformerWriter.SHARED)
            .addStatement("return new $T(informer.getIndexer())", lister).build());
    files.write(generic.packageName(), files.annotate(type).build());
  }

  private void writeGenericLister() {
    ClassName lister = GeneratedNames.genericLister(model);
    TypeName indexer = ParameterizedTypeName.get(INDEXER, WildcardTypeName.subtypeOf(KUBERNETES_OBJECT));
    TypeName list = ParameterizedTypeName.get(ClassName.get(List.class), KUBERNETES_OBJECT);
    TypeName optional = ParameterizedTypeName.get(ClassName.get(Optional.class), KUBERNETES_OBJECT);
    TypeSpec.Builder type = withOrigins(TypeSpec.classBuilder(lister)).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Reads any resource's objects from an informer's cache without knowing their type (client-go's\n"
            + "{@code GenericLister}).\n\n")
        .addJavadoc(InformerWriter.SHARED)
        .addJavadoc("\n<p>Thread-safe: every call reads the cache as it is at that moment.\n")
        .addField(indexer, "indexer", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("A lister over {@code indexer}, which has the namespace index (every informer's cache has).\n")
            .addParameter(indexer, "indexer")
            .addStatement("this.indexer = $T.requireNonNull(indexer, $S)", Objects.class, "indexer").build())
        .addMethod(MethodSpec.methodBuilder("list").addModifiers(Modifier.PUBLIC).returns(list)
            .addJavadoc("The objects whose labels match {@code selector}, in every namespace.\n\n")
            .addJavadoc(InformerWriter.SHARED)
            .addParameter(LABEL_SELECTOR, "selector")
            .addStatement("return select(indexer.list(), selector)").build())
        .addMethod(MethodSpec.methodBuilder("list").addModifiers(Modifier.PUBLIC).returns(list)
            .addJavadoc("The objects of {@code namespace} ({@code \"\"}: every namespace) whose labels match\n"
                + "{@code selector}.\n\n")
            .addJavadoc(InformerWriter.SHARED)
            .addParameter(String.class, "namespace").addParameter(LABEL_SELECTOR, "selector")
            .addStatement("$T.requireNonNull(namespace, $S)", Objects.class, "namespace")
            .addStatement("return select(namespace.isEmpty() ? indexer.list() : indexer.byIndex($T.NAMESPACE_INDEX, namespace),"
                + " selector)", CACHE).build())
        .addMethod(MethodSpec.methodBuilder("get").addModifiers(Modifier.PUBLIC).returns(optional)
            .addJavadoc("The object {@code name} in {@code namespace} ({@code \"\"} for cluster-scoped objects), if\n"
                + "cached.\n\n")
            .addJavadoc(InformerWriter.SHARED)
            .addParameter(String.class, "namespace").addParameter(String.class, "name")
            .addStatement("$T.requireNonNull(namespace, $S)", Objects.class, "namespace")
            .addStatement("$T.requireNonNull(name, $S)", Objects.class, "name")
            .addStatement("return indexer.getByKey(namespace.isEmpty() ? name : namespace + $S + name).map(o -> o)", "/")
            .build())
        .addMethod(MethodSpec.methodBuilder("select").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(list)
            .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), WildcardTypeName.subtypeOf(KUBERNETES_OBJECT)),
                "objects")
            .addParameter(LABEL_SELECTOR, "selector")
            .addStatement("$T.requireNonNull(selector, $S)", Objects.class, "selector")
            .addStatement("$T out = new $T<>()", list, ArrayList.class)
            .beginControlFlow("for ($T obj : objects)", KUBERNETES_OBJECT)
            .beginControlFlow("if (selector.matches(obj.getMetadata() == null ? null : obj.getMetadata().getLabels()))")
            .addStatement("out.add(obj)")
            .endControlFlow()
            .endControlFlow()
            .addStatement("return out").build());
    files.write(lister.packageName(), files.annotate(type).build());
  }
}
