package io.kubegen.clientgen;

import static io.kubegen.gen.writer.RuntimeTypes.REST_CLIENT;
import static io.kubegen.gen.writer.RuntimeTypes.RESOURCE_CLIENT;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.kubegen.gen.model.ApiGroupVersion;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.writer.GeneratedFiles;
import io.kubegen.gen.writer.GeneratedNames;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <G><V>Client}, the client of one group version with one accessor per resource,
 * and its package-private REST implementation.
 */
final class GroupVersionClientWriter {
  private final ApiModel model;
  private final GeneratedFiles files;

  GroupVersionClientWriter(ApiModel model, GeneratedFiles files) {
    this.model = model;
    this.files = files;
  }

  /** The accessor of {@code r} on a group-version client, abstract. */
  static MethodSpec.Builder accessor(ApiModel model, ResourceDescriptor r) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(r.accessorName()).addModifiers(Modifier.PUBLIC)
        .returns(GeneratedNames.typedClient(model, r));
    if (r.namespaced()) {
      m.addParameter(String.class, "namespace")
          .addJavadoc("The client of {@code $L} in {@code namespace}; null or {@code \"\"} means all namespaces"
              + " (for list, watch and deleteCollection).\n", r.plural());
    } else {
      m.addJavadoc("The client of the cluster-scoped {@code $L}.\n", r.plural());
    }
    return m;
  }

  void write(ApiGroupVersion gv, List<ResourceDescriptor> resources) {
    ClassName client = GeneratedNames.groupVersionClient(model, gv);
    ClassName impl = client.peerClass(client.simpleName() + "Impl");
    TypeSpec.Builder api = TypeSpec.interfaceBuilder(client).addModifiers(Modifier.PUBLIC)
        .addJavadoc("The clients of API group version {@code $L} ({@code $L}). Implementations are thread-safe.\n",
            gv.apiVersion(), gv.apiPath());
    TypeSpec.Builder implementation = TypeSpec.classBuilder(impl).addModifiers(Modifier.FINAL)
        .addJavadoc("{@link $T} over the REST client.\n", client)
        .addSuperinterface(client)
        .addField(REST_CLIENT, "client", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addParameter(REST_CLIENT, "client")
            .addStatement("this.client = $T.requireNonNull(client, $S)", Objects.class, "client").build());
    for (ResourceDescriptor r : resources) {
      api.addOriginatingElement(r.element());
      implementation.addOriginatingElement(r.element());
      api.addMethod(accessor(model, r).addModifiers(Modifier.ABSTRACT).build());
      MethodSpec.Builder m = MethodSpec.methodBuilder(r.accessorName()).addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC).returns(GeneratedNames.typedClient(model, r));
      if (r.namespaced()) {
        m.addParameter(String.class, "namespace");
      }
      implementation.addMethod(m.addStatement("return new $T(new $T<>(client, $T.RESOURCE, $T.class, $L))",
              TypedClientWriter.implementation(model, r), RESOURCE_CLIENT,
              GeneratedNames.typedClient(model, r), GeneratedNames.resourceType(r), r.namespaced() ? "namespace" : "null")
          .build());
    }
    api.addMethod(MethodSpec.methodBuilder("create").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("The clients of {@code $L} over {@code client}.\n", gv.apiVersion())
        .returns(client).addParameter(REST_CLIENT, "client")
        .addStatement("return new $T(client)", impl).build());
    files.annotate(api);
    files.annotate(implementation);
    files.write(client.packageName(), api.build());
    files.write(impl.packageName(), implementation.build());
  }
}
