package io.kubegen.clientgen;

import static io.kubegen.gen.writer.RuntimeTypes.DISCOVERY_CLIENT;
import static io.kubegen.gen.writer.RuntimeTypes.RESOURCE_BACKEND;
import static io.kubegen.gen.writer.RuntimeTypes.REST_CLIENT;
import static io.kubegen.gen.writer.RuntimeTypes.REST_CONFIG;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.kubegen.gen.model.ApiGroupVersion;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.writer.GeneratedFiles;
import io.kubegen.gen.writer.GeneratedNames;
import javax.lang.model.element.Modifier;

/** Writes {@code Clientset}, the entry point with one accessor per group version; its REST implementation is anonymous. */
final class ClientsetWriter {
  private final ApiModel model;
  private final GeneratedFiles files;

  ClientsetWriter(ApiModel model, GeneratedFiles files) {
    this.model = model;
    this.files = files;
  }

  /** The accessor of a group version on {@code Clientset}. */
  static MethodSpec.Builder accessor(ApiModel model, ApiGroupVersion gv) {
    return MethodSpec.methodBuilder(gv.accessorName()).addModifiers(Modifier.PUBLIC)
        .returns(GeneratedNames.groupVersionClient(model, gv));
  }

  void write() {
    ClassName clientset = GeneratedNames.clientset(model);
    TypeSpec.Builder api = TypeSpec.interfaceBuilder(clientset).addModifiers(Modifier.PUBLIC)
        .addJavadoc("Typed clients of every generated resource, one accessor per API group version.\n")
        .addJavadoc("{@code FakeClientset} implements it for tests. Implementations are thread-safe.\n");
    TypeSpec.Builder rest = TypeSpec.anonymousClassBuilder("").addSuperinterface(clientset);
    MethodSpec.Builder create = MethodSpec.methodBuilder("create").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("A clientset over {@code client}, sharing its connections and rate limit.\n")
        .returns(clientset).addParameter(REST_CLIENT, "client")
        .addStatement("$T backend = $T.rest(client)", RESOURCE_BACKEND, RESOURCE_BACKEND);
    for (ApiGroupVersion gv : model.byGroupVersion().keySet()) {
      ClassName gvClient = GeneratedNames.groupVersionClient(model, gv);
      model.byGroupVersion().get(gv).forEach(r -> api.addOriginatingElement(r.element()));
      api.addMethod(accessor(model, gv).addModifiers(Modifier.ABSTRACT)
          .addJavadoc("The clients of {@code $L}.\n", gv.apiVersion()).build());
      create.addStatement("$T $L = $T.over(backend)", gvClient, gv.accessorName(), gvClient);
      rest.addMethod(accessor(model, gv).addAnnotation(Override.class).addStatement("return $L", gv.accessorName()).build());
    }
    api.addMethod(MethodSpec.methodBuilder("discovery").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addJavadoc("What the server serves: version, groups and resources.\n")
        .returns(DISCOVERY_CLIENT).build());
    create.addStatement("$T discovery = $T.create(client)", DISCOVERY_CLIENT, DISCOVERY_CLIENT);
    rest.addMethod(MethodSpec.methodBuilder("discovery").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(DISCOVERY_CLIENT).addStatement("return discovery").build());
    api.addMethod(MethodSpec.methodBuilder("create").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("A clientset talking to the server {@code config} describes.\n")
        .returns(clientset).addParameter(REST_CONFIG, "config")
        .addStatement("return create($T.create(config))", REST_CLIENT).build());
    api.addMethod(create.addStatement("return $L", rest.build()).build());
    files.write(clientset.packageName(), files.annotate(api).build());
  }
}
