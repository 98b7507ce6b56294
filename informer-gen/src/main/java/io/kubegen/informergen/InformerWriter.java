package io.kubegen.informergen;

import static io.kubegen.gen.writer.RuntimeTypes.LIST_OPTIONS;
import static io.kubegen.gen.writer.RuntimeTypes.LIST_WATCH;
import static io.kubegen.gen.writer.RuntimeTypes.SHARED_INDEX_INFORMER;
import static io.kubegen.gen.writer.RuntimeTypes.SHARED_INFORMER_FACTORY_BASE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.writer.GeneratedFiles;
import io.kubegen.gen.writer.GeneratedNames;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.lang.model.element.Modifier;

/** Writes {@code FooInformer}: the shared informer of one resource and its lister. */
final class InformerWriter {
  /** Said on every method whose result hands out cached objects. */
  static final String SHARED =
      "<p>Objects in the cache, given to handlers and returned by listers are shared: never mutate\n"
          + "them; copy first with {@code Cache.copy(obj)}.\n";

  private final ApiModel model;
  private final GeneratedFiles files;

  InformerWriter(ApiModel model, GeneratedFiles files) {
    this.model = model;
    this.files = files;
  }

  void write(ResourceDescriptor r) {
    ClassName informer = GeneratedNames.informer(model, r);
    TypeName obj = GeneratedNames.resourceType(r);
    TypeName sharedInformer = ParameterizedTypeName.get(SHARED_INDEX_INFORMER, obj);
    ClassName clientset = GeneratedNames.clientset(model);
    ClassName lister = GeneratedNames.lister(model, r);
    ClassName groupVersionInformers = GeneratedNames.groupVersionInformers(model, r.groupVersion());
    TypeSpec.Builder type = TypeSpec.classBuilder(informer).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addOriginatingElement(r.element())
        .addJavadoc("The shared informer of {@link $T} ({@code $L} in {@code $L}) and its lister; get it from\n"
            + "{@code SharedInformerFactory} as {@code factory.$L().$L().$L()}.\n\n", obj, r.plural(),
            r.groupVersion().apiVersion(), InformerNames.groupAccessor(r.groupVersion().groupSegment()),
            r.groupVersion().versionSegment(),
            r.accessorName())
        .addJavadoc(SHARED)
        .addJavadoc("\n<p>Thread-safe; every instance of one factory shares one informer.\n")
        .addField(SHARED_INFORMER_FACTORY_BASE, "factory", Modifier.PRIVATE, Modifier.FINAL)
        .addField(clientset, "clientset", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("The informer of {@code $L} shared through {@code factory} (its namespace, list-options tweak,\n"
            + "resync and transform), listing and watching through {@code clientset}. Usually reached through\n"
            + "{@link $T}.\n", r.plural(), groupVersionInformers)
        .addParameter(SHARED_INFORMER_FACTORY_BASE, "factory").addParameter(clientset, "clientset")
        .addStatement("this.factory = $T.requireNonNull(factory, $S)", Objects.class, "factory")
        .addStatement("this.clientset = $T.requireNonNull(clientset, $S)", Objects.class, "clientset").build());
    MethodSpec.Builder informerMethod = MethodSpec.methodBuilder("informer").addModifiers(Modifier.PUBLIC)
        .returns(sharedInformer)
        .addJavadoc("The factory's shared informer of {@code $L}, built on the first call and started by the\n"
            + "factory's {@code start()}; its cache has the indexes of {@link $T#indexers()}.\n\n", r.plural(), lister)
        .addJavadoc(SHARED);
    if (r.namespaced()) {
      informerMethod.addStatement("return factory.informerFor($T.class, resync -> newInformer(clientset, factory.namespace(), "
          + "resync, factory.tweakListOptions()))", obj);
    } else {
      informerMethod.addStatement("return factory.informerFor($T.class, resync -> newInformer(clientset, resync, "
          + "factory.tweakListOptions()))", obj);
    }
    type.addMethod(informerMethod.build());
    type.addMethod(MethodSpec.methodBuilder("lister").addModifiers(Modifier.PUBLIC).returns(lister)
        .addJavadoc("A lister over the shared informer's cache (it is empty until the informer has synced).\n\n")
        .addJavadoc(SHARED)
        .addStatement("return $T.create(informer().getIndexer())", lister).build());
    type.addMethod(newInformer(r, obj, sharedInformer, clientset, lister));
    files.write(informer.packageName(), files.annotate(type).build());
  }

  /** The static {@code newInformer}: an informer that belongs to no factory. */
  private MethodSpec newInformer(ResourceDescriptor r, TypeName obj, TypeName sharedInformer, ClassName clientset,
      ClassName lister) {
    MethodSpec.Builder m = MethodSpec.methodBuilder("newInformer").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(sharedInformer)
        .addJavadoc("A new informer of {@code $L}$L that belongs to no factory (start and stop it yourself),\n"
            + "listing and watching through {@code clientset} with {@code tweakListOptions} (null for none)\n"
            + "applied to every call, resyncing every {@code resync} (zero: never), with the indexes of\n"
            + "{@link $T#indexers()}.\n\n", r.plural(), r.namespaced() ? " in {@code namespace} ({@code \"\"}: every namespace)" : "",
            lister)
        .addJavadoc(SHARED)
        .addParameter(clientset, "clientset");
    if (r.namespaced()) {
      m.addParameter(String.class, "namespace");
    }
    m.addParameter(Duration.class, "resync")
        .addParameter(ParameterizedTypeName.get(ClassName.get(UnaryOperator.class), LIST_OPTIONS), "tweakListOptions");
    ClassName client = GeneratedNames.typedClient(model, r);
    m.addStatement("$T.requireNonNull(clientset, $S)", Objects.class, "clientset");
    if (r.namespaced()) {
      m.addStatement("$T client = clientset.$L().$L($T.requireNonNull(namespace, $S))", client,
          r.groupVersion().accessorName(), r.accessorName(), Objects.class, "namespace");
    } else {
      m.addStatement("$T client = clientset.$L().$L()", client, r.groupVersion().accessorName(), r.accessorName());
    }
    m.addStatement("$T listWatch = $T.of(client::list, client::watch)", ParameterizedTypeName.get(LIST_WATCH, obj),
            LIST_WATCH)
        .addStatement("return $T.create(listWatch.withTweak(tweakListOptions), $T.class, resync, $T.indexers())",
            SHARED_INDEX_INFORMER, obj, lister);
    return m.build();
  }
}
