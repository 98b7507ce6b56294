package io.kubegen.clientgen;

import static io.kubegen.gen.writer.RuntimeTypes.GROUP_VERSION_RESOURCE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.writer.GeneratedFiles;
import io.kubegen.gen.writer.GeneratedNames;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code FooClient}, the typed client interface of one resource, and
 * {@code FooClientImpl}, its one implementation over {@code ResourceOperations}: the REST
 * clientset builds it over a {@code ResourceClient}, the fake one over a {@code FakeResourceClient}.
 */
final class TypedClientWriter {
  static final ClassName RESOURCE_OPERATIONS = ClassName.get("io.kubegen.runtime.rest", "ResourceOperations");

  private final ApiModel model;
  private final GeneratedFiles files;

  TypedClientWriter(ApiModel model, GeneratedFiles files) {
    this.model = model;
    this.files = files;
  }

  /** {@code FooClientImpl}, next to {@code FooClient}. */
  static ClassName implementation(ApiModel model, ResourceDescriptor r) {
    return GeneratedNames.typedClient(model, r).peerClass(r.generatedName("ClientImpl"));
  }

  void write(ResourceDescriptor r) {
    ClassName client = GeneratedNames.typedClient(model, r);
    ClassName type = GeneratedNames.resourceType(r);
    ClientMethodWriter methods = new ClientMethodWriter(r);

    TypeSpec.Builder api = TypeSpec.interfaceBuilder(client).addModifiers(Modifier.PUBLIC)
        .addOriginatingElement(r.element())
        .addJavadoc("Typed client of {@link $T}: resource {@code $L} in {@code $L}, $L.\n", type, r.plural(),
            r.groupVersion().apiVersion(), r.namespaced() ? "namespaced" : "cluster-scoped")
        .addJavadoc("\n<p>Calls fail with {@code KubeApiException} carrying the server's {@code Status}.\n")
        .addJavadoc("Implementations are thread-safe.\n")
        .addField(FieldSpec.builder(GROUP_VERSION_RESOURCE, "RESOURCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The resource this client serves.\n")
            .initializer("new $T($S, $S, $S)", GROUP_VERSION_RESOURCE, r.groupVersion().group(),
                r.groupVersion().version(), r.plural())
            .build())
        .addMethods(methods.interfaceMethods());
    files.annotate(api);
    files.write(client.packageName(), api.build());

    ClassName impl = implementation(model, r);
    ParameterizedTypeName delegate = ParameterizedTypeName.get(RESOURCE_OPERATIONS, type);
    TypeSpec.Builder implementation = TypeSpec.classBuilder(impl).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addOriginatingElement(r.element())
        .addJavadoc("{@link $T} over {@link $T}: a {@code ResourceClient} in the REST\n", client, RESOURCE_OPERATIONS)
        .addJavadoc("clientset, a {@code FakeResourceClient} in the fake one. Thread-safe as its delegate is.\n")
        .addSuperinterface(client)
        .addField(delegate, "resource", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("A client delegating every call to {@code resource}.\n")
            .addParameter(delegate, "resource")
            .addStatement("this.resource = $T.requireNonNull(resource, $S)", Objects.class, "resource").build())
        .addMethods(methods.implementationMethods());
    files.annotate(implementation);
    files.write(impl.packageName(), implementation.build());
  }
}
