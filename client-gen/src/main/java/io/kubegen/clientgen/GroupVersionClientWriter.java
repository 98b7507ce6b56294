package io.kubegen.clientgen;

import static io.kubegen.gen.writer.RuntimeTypes.RESOURCE_BACKEND;
import static io.kubegen.gen.writer.RuntimeTypes.RESOURCE_OPERATIONS;
import static io.kubegen.gen.writer.RuntimeTypes.RESOURCE_TYPE;
import static io.kubegen.gen.writer.RuntimeTypes.REST_CLIENT;
import static io.kubegen.gen.writer.RuntimeTypes.TYPED_CLIENT;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <G><V>Client}, the client of one group version (client-go's
 * {@code SamplecontrollerV1alpha1Client}): one accessor per resource, over a {@code ResourceBackend}
 * (the REST API, or the fake clientset's tracker), and the typed clients' implementations, each a
 * nested class over the runtime's {@code TypedClient} that adds only the methods of
 * {@code @GenClient.Method}.
 */
final class GroupVersionClientWriter {
  private final ApiModel model;
  private final GeneratedFiles files;

  GroupVersionClientWriter(ApiModel model, GeneratedFiles files) {
    this.model = model;
    this.files = files;
  }

  /** {@code FooClientImpl}, nested in the group-version client. */
  static ClassName implementation(ApiModel model, ResourceDescriptor r) {
    return GeneratedNames.groupVersionClient(model, r.groupVersion()).nestedClass(r.generatedName("ClientImpl"));
  }

  void write(ApiGroupVersion gv, List<ResourceDescriptor> resources) {
    ClassName client = GeneratedNames.groupVersionClient(model, gv);
    TypeName resourceTypes = ParameterizedTypeName.get(ClassName.get(List.class),
        ParameterizedTypeName.get(RESOURCE_TYPE, WildcardTypeName.subtypeOf(Object.class)));
    List<CodeBlock> types = new ArrayList<>();
    resources.forEach(r -> types.add(CodeBlock.of("$T.TYPE", GeneratedNames.typedClient(model, r))));
    TypeSpec.Builder spec = TypeSpec.classBuilder(client).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("The clients of API group version {@code $L} ({@code $L}).\n", gv.apiVersion(), gv.apiPath())
        .addJavadoc("Their calls go to the REST API or, in the fake clientset, to an {@code ObjectTracker}.\n")
        .addJavadoc("Thread-safe.\n")
        .addField(FieldSpec.builder(resourceTypes, "TYPES", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The resources of this group version.\n")
            .initializer("$T.of($L)", List.class, CodeBlock.join(types, ",$W")).build())
        .addField(RESOURCE_BACKEND, "backend", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
            .addParameter(RESOURCE_BACKEND, "backend")
            .addStatement("this.backend = $T.requireNonNull(backend, $S)", Objects.class, "backend").build())
        .addMethod(MethodSpec.methodBuilder("create").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addJavadoc("The clients of {@code $L} over {@code client}.\n", gv.apiVersion())
            .returns(client).addParameter(REST_CLIENT, "client")
            .addStatement("return over($T.rest(client))", RESOURCE_BACKEND).build())
        .addMethod(MethodSpec.methodBuilder("over").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addJavadoc("The clients of {@code $L} whose calls go to {@code backend}.\n", gv.apiVersion())
            .returns(client).addParameter(RESOURCE_BACKEND, "backend")
            .addStatement("return new $T(backend)", client).build());
    for (ResourceDescriptor r : resources) {
      spec.addOriginatingElement(r.element()).addMethod(accessor(r)).addType(implementation(r));
    }
    files.write(client.packageName(), files.annotate(spec).build());
  }

  private MethodSpec accessor(ResourceDescriptor r) {
    ClassName typed = GeneratedNames.typedClient(model, r);
    MethodSpec.Builder m = MethodSpec.methodBuilder(r.accessorName()).addModifiers(Modifier.PUBLIC).returns(typed);
    if (r.namespaced()) {
      m.addParameter(String.class, "namespace")
          .addJavadoc("The client of {@code $L} in {@code namespace}; null or {@code \"\"} means all namespaces"
              + " (for list, watch and deleteCollection).\n", r.plural());
    } else {
      m.addJavadoc("The client of the cluster-scoped {@code $L}.\n", r.plural());
    }
    return m.addStatement("return new $T(backend.operations($T.TYPE, $L))", implementation(model, r), typed,
        r.namespaced() ? "namespace" : "null").build();
  }

  private TypeSpec implementation(ResourceDescriptor r) {
    ClassName type = GeneratedNames.resourceType(r);
    return TypeSpec.classBuilder(implementation(model, r)).addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(TYPED_CLIENT, type))
        .addSuperinterface(GeneratedNames.typedClient(model, r))
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(ParameterizedTypeName.get(RESOURCE_OPERATIONS, type), "operations")
            .addStatement("super(operations)").build())
        .addMethods(new ExtraMethodWriter(r).implementationMethods())
        .build();
  }
}
