package io.kubegen.informergen;

import static io.kubegen.gen.writer.RuntimeTypes.GENERIC_INFORMER;
import static io.kubegen.gen.writer.RuntimeTypes.GROUP_VERSION_RESOURCE;
import static io.kubegen.gen.writer.RuntimeTypes.KUBERNETES_OBJECT;
import static io.kubegen.gen.writer.RuntimeTypes.SHARED_INDEX_INFORMER;
import static io.kubegen.gen.writer.RuntimeTypes.SHARED_INFORMER_FACTORY_BASE;
import static io.kubegen.gen.writer.RuntimeTypes.SHARED_INFORMER_OPTION;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code SharedInformerFactory} (extending the runtime's {@code SharedInformerFactoryBase}):
 * one accessor per group, returning a nested {@code <G>Informers} with one accessor per version,
 * returning a nested {@code <G><V>Informers} with one accessor per resource; and the table of
 * typed accessors behind {@code forResource}.
 */
final class FactoryWriter {
  private final ApiModel model;
  private final GeneratedFiles files;

  FactoryWriter(ApiModel model, GeneratedFiles files) {
    this.model = model;
    this.files = files;
  }

  void write() {
    ClassName factory = GeneratedNames.sharedInformerFactory(model);
    ClassName clientset = GeneratedNames.clientset(model);
    ResourceDescriptor first = model.resources().get(0);
    TypeSpec.Builder type = TypeSpec.classBuilder(factory).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
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
            + "}</pre>\n\n", first.kind(), first.accessorName(), example(first), first.accessorName())
        .addJavadoc(InformerWriter.SHARED)
        .addJavadoc("\n<p>Thread-safe (see {@code SharedInformerFactoryBase}): informers asked for after {@link #start()}\n"
            + "are started by the next {@code start()}; {@link #shutdown()} stops them all and joins their threads.\n")
        .addField(informersTable(factory))
        .addField(clientset, "clientset", Modifier.PRIVATE, Modifier.FINAL);
    model.resources().forEach(r -> type.addOriginatingElement(r.element()));
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
        .addParameter(clientset, "clientset").addParameter(Duration.class, "defaultResync")
        .addParameter(ArrayTypeName.of(SHARED_INFORMER_OPTION), "options").varargs()
        .addStatement("super(defaultResync, options)")
        .addStatement("this.clientset = $T.requireNonNull(clientset, $S)", Objects.class, "clientset").build());
    type.addMethod(MethodSpec.methodBuilder("create").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(factory)
        .addJavadoc("A factory whose informers list and watch through {@code clientset} (a {@code FakeClientset}\n"
            + "in tests) and resync every {@code defaultResync} (zero: never), changed by {@code options}\n"
            + "({@code SharedInformerOption.namespace}, {@code tweakListOptions}, {@code customResync},\n"
            + "{@code transform}, {@code metrics}, and {@code listMode} and {@code reflectorOptions}, for every\n"
            + "informer or per type).\n")
        .addParameter(clientset, "clientset").addParameter(Duration.class, "defaultResync")
        .addParameter(ArrayTypeName.of(SHARED_INFORMER_OPTION), "options").varargs()
        .addStatement("return new $T(clientset, defaultResync, options)", factory).build());
    type.addMethod(MethodSpec.methodBuilder("clientset").addModifiers(Modifier.PUBLIC).returns(clientset)
        .addJavadoc("The clientset the informers list and watch through.\n")
        .addStatement("return clientset").build());
    for (Map.Entry<String, List<ApiGroupVersion>> e : model.groupVersionsBySegment().entrySet()) {
      ClassName group = GeneratedNames.groupInformers(model, e.getKey());
      type.addMethod(MethodSpec.methodBuilder(InformerNames.groupAccessor(e.getKey())).addModifiers(Modifier.PUBLIC)
          .returns(group)
          .addJavadoc("The informers of API group {@code $L}.\n", groupName(e.getValue().get(0)))
          .addStatement("return new $T()", group).build());
    }
    type.addMethod(MethodSpec.methodBuilder("forResource").addModifiers(Modifier.PUBLIC)
        .returns(GENERIC_INFORMER).addParameter(GROUP_VERSION_RESOURCE, "resource")
        .addJavadoc("The shared informer of {@code resource}, untyped (client-go's {@code ForResource}); the same\n"
            + "informer the typed accessor returns.\n\n")
        .addJavadoc("@throws IllegalArgumentException if this factory has no informer for {@code resource}\n")
        .addStatement("return $T.forResource(resource, INFORMERS, this)", GENERIC_INFORMER).build());
    type.addStaticBlock(informersBlock(factory));
    for (Map.Entry<String, List<ApiGroupVersion>> e : model.groupVersionsBySegment().entrySet()) {
      type.addType(groupType(e.getKey(), e.getValue()));
      e.getValue().forEach(gv -> type.addType(groupVersionType(gv, model.byGroupVersion().get(gv))));
    }
    files.write(factory.packageName(), files.annotate(type).build());
  }

  /**
   * {@code INFORMERS}: each resource's typed accessor, by resource, for {@code forResource}; filled
   * in a static block with one {@code put} per resource (a single {@code Map.ofEntries} of lambdas
   * costs javac inference time that grows with the square of the entries).
   */
  private FieldSpec informersTable(ClassName factory) {
    return FieldSpec.builder(tableType(factory), "INFORMERS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).build();
  }

  private CodeBlock informersBlock(ClassName factory) {
    CodeBlock.Builder block = CodeBlock.builder()
        .addStatement("$T informers = new $T<>()", tableType(factory), HashMap.class);
    for (ResourceDescriptor r : model.resources()) {
      ApiGroupVersion gv = r.groupVersion();
      block.addStatement("informers.put(new $T($S, $S, $S),$Wf -> f.$L().$L().$L().informer())", GROUP_VERSION_RESOURCE,
          gv.group(), gv.version(), r.plural(), InformerNames.groupAccessor(gv.groupSegment()), gv.versionSegment(),
          r.accessorName());
    }
    return block.addStatement("INFORMERS = $T.copyOf(informers)", Map.class).build();
  }

  private static TypeName tableType(ClassName factory) {
    TypeName informer = ParameterizedTypeName.get(SHARED_INDEX_INFORMER, WildcardTypeName.subtypeOf(KUBERNETES_OBJECT));
    return ParameterizedTypeName.get(ClassName.get(Map.class), GROUP_VERSION_RESOURCE,
        ParameterizedTypeName.get(ClassName.get(Function.class), factory, informer));
  }

  /** {@code <G>Informers}: one accessor per version of the group. */
  private TypeSpec groupType(String segment, List<ApiGroupVersion> versions) {
    TypeSpec.Builder type = TypeSpec.classBuilder(GeneratedNames.groupInformers(model, segment))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("The informers of API group {@code $L}, one accessor per version.\n", groupName(versions.get(0)));
    for (ApiGroupVersion gv : versions) {
      ClassName version = GeneratedNames.groupVersionInformers(model, gv);
      type.addMethod(MethodSpec.methodBuilder(gv.versionSegment()).addModifiers(Modifier.PUBLIC).returns(version)
          .addJavadoc("The informers of {@code $L}.\n", gv.apiVersion())
          .addStatement("return new $T()", version).build());
    }
    return type.build();
  }

  /** {@code <G><V>Informers}: one accessor per resource of the group version. */
  private TypeSpec groupVersionType(ApiGroupVersion gv, List<ResourceDescriptor> resources) {
    TypeSpec.Builder type = TypeSpec.classBuilder(GeneratedNames.groupVersionInformers(model, gv))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("The informers of API group version {@code $L}, one per resource.\n", gv.apiVersion());
    for (ResourceDescriptor r : resources) {
      ClassName informer = GeneratedNames.informer(model, r);
      type.addMethod(MethodSpec.methodBuilder(r.accessorName()).addModifiers(Modifier.PUBLIC).returns(informer)
          .addJavadoc("The informer of {@code $L}$L.\n", r.plural(),
              r.namespaced() ? " (in the factory's namespace)" : " (cluster-scoped)")
          .addStatement("return new $T($T.this, clientset)", informer, GeneratedNames.sharedInformerFactory(model))
          .build());
    }
    return type.build();
  }

  private static String groupName(ApiGroupVersion gv) {
    return gv.isCore() ? "core" : gv.group();
  }

  private static String example(ResourceDescriptor r) {
    ApiGroupVersion gv = r.groupVersion();
    return InformerNames.groupAccessor(gv.groupSegment()) + "()." + gv.versionSegment() + "()." + r.accessorName() + "()";
  }
}
