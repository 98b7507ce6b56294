package io.kubegen.informergen;

import static io.kubegen.gen.writer.RuntimeTypes.SHARED_INFORMER_FACTORY_BASE;
import static io.kubegen.gen.writer.RuntimeTypes.TYPED_INFORMER;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.writer.GeneratedFiles;
import io.kubegen.gen.writer.GeneratedNames;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code FooInformer}: the runtime's {@code TypedInformer} of one resource, told which typed
 * client it lists and watches through, the indexes of its cache and its lister.
 */
final class InformerWriter {
  /** Said on every type whose methods hand out cached objects. */
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
    ClassName clientset = GeneratedNames.clientset(model);
    ClassName lister = GeneratedNames.lister(model, r);
    TypeSpec.Builder type = TypeSpec.classBuilder(informer).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addOriginatingElement(r.element())
        .superclass(ParameterizedTypeName.get(TYPED_INFORMER, obj, lister))
        .addJavadoc("The shared informer of {@link $T} ({@code $L} in {@code $L}) and its {@link $T}, from\n",
            obj, r.plural(), r.groupVersion().apiVersion(), lister)
        .addJavadoc("{@code factory.$L().$L().$L()}: {@code informer()} and {@code lister()} of {@link $T}.\n",
            InformerNames.groupAccessor(r.groupVersion().groupSegment()), r.groupVersion().versionSegment(),
            r.accessorName(), TYPED_INFORMER)
        .addJavadoc("Objects in the cache are shared: never mutate them (copy with {@code Cache.copy(obj)}).\n");
    String client = r.namespaced()
        ? "namespace -> clientset.$L().$L(namespace)"
        : "namespace -> clientset.$L().$L()";
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("The informer shared through {@code factory}, listing and watching through {@code clientset}.\n")
        .addParameter(SHARED_INFORMER_FACTORY_BASE, "factory").addParameter(clientset, "clientset")
        .addStatement("super(factory, $T.class,$W" + client + ",$W$T.indexers(),$W$T::create)", obj,
            r.groupVersion().accessorName(), r.accessorName(), lister, lister)
        .build());
    files.write(informer.packageName(), files.annotate(type).build());
  }
}
