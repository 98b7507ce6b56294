package io.kubegen.informergen;

import static io.kubegen.gen.writer.RuntimeTypes.GENERIC_INFORMER;
import static io.kubegen.gen.writer.RuntimeTypes.GROUP_VERSION_RESOURCE;
import static io.kubegen.gen.writer.RuntimeTypes.KUBERNETES_OBJECT;
import static io.kubegen.gen.writer.RuntimeTypes.RESOURCE_TYPE;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code SharedInformerFactory} (extending the runtime's {@code SharedInformerFactoryBase}):
 * one accessor per group, returning a nested {@code <G>Informers} with one accessor per version,
 * returning a nested {@code <G><V>Informers} with one accessor per resource; and
 * {@code forResource}, which finds the typed accessor by switching on the group version and resource.
 */
final class FactoryWriter {
  private static final TypeName TYPES_LIST = ParameterizedTypeName.get(ClassName.get(List.class),
      ParameterizedTypeName.get(RESOURCE_TYPE, WildcardTypeName.subtypeOf(Object.class)));

  private final ApiModel model;
  private final ApiModel clients;
  private final GeneratedFiles files;

  /** {@code model}: the resources with informers; {@code clients}: every resource of the clientset. */
  FactoryWriter(ApiModel model, ApiModel clients, GeneratedFiles files) {
    this.model = model;
    this.clients = clients;
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
        .addField(servedTable())
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
    type.addMethod(forResource());
    for (Map.Entry<String, List<ApiGroupVersion>> e : model.groupVersionsBySegment().entrySet()) {
      type.addType(groupType(e.getKey(), e.getValue()));
      e.getValue().forEach(gv -> type.addType(groupVersionType(gv, model.byGroupVersion().get(gv))));
    }
    files.write(factory.packageName(), files.annotate(type).build());
  }

  /**
   * {@code SERVED}: the resources of the factory, by group version: the group version client's
   * {@code TYPES} when every resource of it has an informer, else the typed clients' {@code TYPE}s.
   */
  private FieldSpec servedTable() {
    List<CodeBlock> lists = new ArrayList<>();
    model.byGroupVersion().forEach((gv, resources) -> {
      if (resources.size() == clients.byGroupVersion().get(gv).size()) {
        lists.add(CodeBlock.of("$T.TYPES", GeneratedNames.groupVersionClient(model, gv)));
      } else {
        lists.add(CodeBlock.of("$T.of($L)", List.class, CodeBlock.join(resources.stream()
            .map(r -> CodeBlock.of("$T.TYPE", GeneratedNames.typedClient(model, r))).toList(), ",$W")));
      }
    });
    return FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), TYPES_LIST), "SERVED",
        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.of($L)", List.class, CodeBlock.join(lists, ",$W")).build();
  }

  /**
   * {@code forResource}: a switch on the group version, then on the resource in the group
   * version's nested class (plain calls of the typed accessors, no table of lambdas for javac to
   * infer).
   */
  private MethodSpec forResource() {
    CodeBlock.Builder cases = CodeBlock.builder()
        .add("$T<? extends $T> informer = switch (resource.group() + \"/\" + resource.version()) {\n",
            SHARED_INDEX_INFORMER, KUBERNETES_OBJECT).indent();
    for (ApiGroupVersion gv : model.byGroupVersion().keySet()) {
      cases.add("case $S -> $L().$L().informer(resource.resource());\n", gv.group() + "/" + gv.version(),
          InformerNames.groupAccessor(gv.groupSegment()), gv.versionSegment());
    }
    cases.add("default -> null;\n").unindent().add("};\n");
    return MethodSpec.methodBuilder("forResource").addModifiers(Modifier.PUBLIC)
        .returns(GENERIC_INFORMER).addParameter(GROUP_VERSION_RESOURCE, "resource")
        .addJavadoc("The shared informer of {@code resource}, untyped (client-go's {@code ForResource}); the same\n"
            + "informer the typed accessor returns.\n\n")
        .addJavadoc("@throws IllegalArgumentException if this factory has no informer for {@code resource}\n")
        .addStatement("$T.requireNonNull(resource, $S)", Objects.class, "resource")
        .addCode(cases.build())
        .addStatement("return $T.of(resource, informer, SERVED)", GENERIC_INFORMER).build();
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

  /**
   * {@code <G><V>Informers}: one accessor per resource of the group version, documented once on
   * the class, and the private {@code informer(resource)} behind {@code forResource}.
   */
  private TypeSpec groupVersionType(ApiGroupVersion gv, List<ResourceDescriptor> resources) {
    ClassName factory = GeneratedNames.sharedInformerFactory(model);
    TypeSpec.Builder type = TypeSpec.classBuilder(GeneratedNames.groupVersionInformers(model, gv))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("The informers of API group version {@code $L}, one accessor per resource, named after its plural:\n",
            gv.apiVersion())
        .addJavadoc("each returns the factory's one informer of that resource, in the factory's namespace for a namespaced one.\n");
    CodeBlock.Builder cases = CodeBlock.builder().add("return switch (resource) {\n").indent();
    for (ResourceDescriptor r : resources) {
      ClassName informer = GeneratedNames.informer(model, r);
      type.addMethod(MethodSpec.methodBuilder(r.accessorName()).addModifiers(Modifier.PUBLIC).returns(informer)
          .addStatement("return new $T($T.this, clientset)", informer, factory).build());
      cases.add("case $S -> $L().informer();\n", r.plural(), r.accessorName());
    }
    cases.add("default -> null;\n").unindent().add("};\n");
    type.addMethod(MethodSpec.methodBuilder("informer").addModifiers(Modifier.PRIVATE)
        .returns(ParameterizedTypeName.get(SHARED_INDEX_INFORMER, WildcardTypeName.subtypeOf(KUBERNETES_OBJECT)))
        .addParameter(String.class, "resource").addCode(cases.build()).build());
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
