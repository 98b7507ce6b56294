package io.kubegen.clientgen;

import static io.kubegen.gen.writer.RuntimeTypes.DISCOVERY_CLIENT;
import static io.kubegen.gen.writer.RuntimeTypes.REST_CLIENT;
import static io.kubegen.gen.writer.RuntimeTypes.REST_CONFIG;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.kubegen.gen.model.ApiGroupVersion;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.writer.GeneratedFiles;
import io.kubegen.gen.writer.GeneratedNames;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/** Writes {@code Clientset}, the entry point with one accessor per group version, and its REST implementation. */
final class ClientsetWriter {
  private final ApiModel model;
  private final GeneratedFiles files;

  ClientsetWriter(ApiModel model, GeneratedFiles files) {
    this.model = model;
    this.files = files;
  }

  /** The abstract accessor of a group version on {@code Clientset}. */
  static MethodSpec.Builder accessor(ApiModel model, ApiGroupVersion gv) {
    return MethodSpec.methodBuilder(gv.accessorName()).addModifiers(Modifier.PUBLIC)
        .returns(GeneratedNames.groupVersionClient(model, gv));
  }

  void write() {
    ClassName clientset = GeneratedNames.clientset(model);
    ClassName impl = clientset.peerClass("ClientsetImpl");
    TypeSpec.Builder api = TypeSpec.interfaceBuilder(clientset).addModifiers(Modifier.PUBLIC)
        .addJavadoc("Typed clients of every generated resource, one accessor per API group version.\n")
        .addJavadoc("{@code FakeClientset} implements it for tests. Implementations are thread-safe.\n");
    TypeSpec.Builder implementation = TypeSpec.classBuilder(impl).addModifiers(Modifier.FINAL)
        .addJavadoc("{@link $T} over the REST client.\n", clientset)
        .addSuperinterface(clientset);
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addParameter(REST_CLIENT, "client")
        .addStatement("$T.requireNonNull(client, $S)", Objects.class, "client");
    for (Map.Entry<ApiGroupVersion, List<ResourceDescriptor>> e : model.byGroupVersion().entrySet()) {
      ApiGroupVersion gv = e.getKey();
      ClassName gvClient = GeneratedNames.groupVersionClient(model, gv);
      e.getValue().forEach(r -> {
        api.addOriginatingElement(r.element());
        implementation.addOriginatingElement(r.element());
      });
      api.addMethod(accessor(model, gv).addModifiers(Modifier.ABSTRACT)
          .addJavadoc("The clients of {@code $L}.\n", gv.apiVersion()).build());
      implementation.addField(gvClient, gv.accessorName(), Modifier.PRIVATE, Modifier.FINAL);
      constructor.addStatement("this.$L = $T.create(client)", gv.accessorName(), gvClient);
      implementation.addMethod(accessor(model, gv).addAnnotation(Override.class)
          .addStatement("return $L", gv.accessorName()).build());
    }
    api.addMethod(MethodSpec.methodBuilder("discovery").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addJavadoc("What the server serves: version, groups and resources.\n").returns(DISCOVERY_CLIENT).build());
    api.addMethod(MethodSpec.methodBuilder("create").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("A clientset talking to the server {@code config} describes.\n")
        .returns(clientset).addParameter(REST_CONFIG, "config")
        .addStatement("return create($T.create(config))", REST_CLIENT).build());
    api.addMethod(MethodSpec.methodBuilder("create").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("A clientset over {@code client}, sharing its connections and rate limit.\n")
        .returns(clientset).addParameter(REST_CLIENT, "client")
        .addStatement("return new $T(client)", impl).build());
    implementation.addField(DISCOVERY_CLIENT, "discovery", Modifier.PRIVATE, Modifier.FINAL);
    constructor.addStatement("this.discovery = $T.create(client)", DISCOVERY_CLIENT);
    implementation.addMethod(MethodSpec.methodBuilder("discovery").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(DISCOVERY_CLIENT).addStatement("return discovery").build());
    implementation.addMethod(constructor.build());
    files.annotate(api);
    files.annotate(implementation);
    files.write(clientset.packageName(), api.build());
    files.write(impl.packageName(), implementation.build());
  }
}
