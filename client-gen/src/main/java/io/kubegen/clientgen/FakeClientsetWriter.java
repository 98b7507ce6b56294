package io.kubegen.clientgen;

import static io.kubegen.gen.writer.RuntimeTypes.FAKE_CLIENTSET_BASE;
import static io.kubegen.gen.writer.RuntimeTypes.FAKE_RESOURCE_CLIENT;
import static io.kubegen.gen.writer.RuntimeTypes.OBJECT_TRACKER;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.kubegen.gen.model.ApiGroupVersion;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.Naming;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.writer.GeneratedFiles;
import io.kubegen.gen.writer.GeneratedNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Writes the fake clientset: {@code FakeClientset} in {@code <base>.clientset.fake}, and per group
 * version {@code Fake<G><V>Client} in {@code <base>.clientset.<g>.<v>.fake} (as client-go's
 * {@code typed/<g>/<v>/fake}), which declares each resource's {@code ResourceType} and hands out
 * the same {@code FooClientImpl} as the REST clientset, over a {@code FakeResourceClient} answered
 * by the runtime's {@code ObjectTracker}.
 */
final class FakeClientsetWriter {
  private static final ClassName RESOURCE_TYPE = ClassName.get("io.kubegen.runtime.api", "ResourceType");

  private final ApiModel model;
  private final GeneratedFiles files;

  FakeClientsetWriter(ApiModel model, GeneratedFiles files) {
    this.model = model;
    this.files = files;
  }

  static String fakePackage(ApiModel model, ApiGroupVersion gv) {
    return model.groupVersionPackage(Naming.CLIENTSET, gv) + "." + Naming.FAKE;
  }

  /** The name of the constant holding the {@code ResourceType} of {@code r}: {@code CONFIG_MAP_TYPE}. */
  static String typeConstant(ResourceDescriptor r) {
    return r.kind().replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z])([A-Z][a-z])", "$1_$2")
        .toUpperCase(Locale.ROOT) + "_TYPE";
  }

  static ClassName fakeGroupVersionClient(ApiModel model, ApiGroupVersion gv) {
    return ClassName.get(fakePackage(model, gv), "Fake" + gv.typePrefix() + "Client");
  }

  void write() {
    ClassName fake = GeneratedNames.fakeClientset(model);
    ClassName clientset = GeneratedNames.clientset(model);
    List<CodeBlock> types = new ArrayList<>();
    TypeSpec.Builder spec = TypeSpec.classBuilder(fake).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(FAKE_CLIENTSET_BASE).addSuperinterface(clientset)
        .addJavadoc("A {@link $T} over an in-memory {@code ObjectTracker}, for tests: resourceVersions are assigned\n",
            clientset)
        .addJavadoc("and checked (409 on stale updates and duplicate creates, 404 on missing objects), label and\n")
        .addJavadoc("field selectors are honoured on list and watch, watches deliver ADDED, MODIFIED and DELETED,\n")
        .addJavadoc("and {@link #prependReactor} and {@link #actions()} let a test inject answers and assert calls.\n")
        .addJavadoc("Thread-safe.\n");
    for (Map.Entry<ApiGroupVersion, List<ResourceDescriptor>> e : model.byGroupVersion().entrySet()) {
      ApiGroupVersion gv = e.getKey();
      for (ResourceDescriptor r : e.getValue()) {
        spec.addOriginatingElement(r.element());
        types.add(CodeBlock.of("$T.$L", fakeGroupVersionClient(model, gv), typeConstant(r)));
      }
      writeGroupVersionClient(gv, e.getValue());
      spec.addMethod(ClientsetWriter.accessor(model, gv).addAnnotation(Override.class)
          .addStatement("return new $T(tracker())", fakeGroupVersionClient(model, gv)).build());
    }
    CodeBlock typeList = CodeBlock.join(types, ",$W");
    spec.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("An empty fake clientset.\n")
        .addStatement("super($L)", typeList).build());
    spec.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("A fake clientset over {@code tracker}, which is made to serve this clientset's resources.\n")
        .addParameter(OBJECT_TRACKER, "tracker")
        .addStatement(CodeBlock.builder().add("super(tracker").add(types.isEmpty() ? "" : ",$W").add(typeList).add(")").build())
        .build());
    spec.addMethod(MethodSpec.methodBuilder("of").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("A fake clientset holding {@code initial} objects (each of a generated resource type).\n")
        .returns(fake).addParameter(Object[].class, "initial").varargs()
        .addStatement("$T clientset = new $T()", fake, fake)
        .addStatement("clientset.tracker().add(initial)")
        .addStatement("return clientset").build());
    files.annotate(spec);
    files.write(fake.packageName(), spec.build());
  }

  private void writeGroupVersionClient(ApiGroupVersion gv, List<ResourceDescriptor> resources) {
    ClassName name = fakeGroupVersionClient(model, gv);
    TypeSpec.Builder spec = TypeSpec.classBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(GeneratedNames.groupVersionClient(model, gv))
        .addJavadoc("The fake clients of {@code $L}: the same typed clients as the REST ones, each over a\n",
            gv.apiVersion())
        .addJavadoc("{@code FakeResourceClient} answered by an {@code ObjectTracker}. Thread-safe.\n");
    for (ResourceDescriptor r : resources) {
      ClassName type = GeneratedNames.resourceType(r);
      ClassName client = GeneratedNames.typedClient(model, r);
      spec.addOriginatingElement(r.element())
          .addField(FieldSpec.builder(ParameterizedTypeName.get(RESOURCE_TYPE, type), typeConstant(r),
                  Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
              .addJavadoc("How the tracker serves {@link $T}.\n", type)
              .initializer("new $T<>($T.RESOURCE, $S, $T.class, $L, $L)", RESOURCE_TYPE, client, r.kind(), type,
                  r.namespaced(), r.hasStatus())
              .build());
    }
    spec.addField(OBJECT_TRACKER, "tracker", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("Fake clients over {@code tracker}.\n")
            .addParameter(OBJECT_TRACKER, "tracker")
            .addStatement("this.tracker = $T.requireNonNull(tracker, $S)", Objects.class, "tracker").build());
    for (ResourceDescriptor r : resources) {
      MethodSpec.Builder m = MethodSpec.methodBuilder(r.accessorName()).addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC).returns(GeneratedNames.typedClient(model, r));
      if (r.namespaced()) {
        m.addParameter(String.class, "namespace");
      }
      spec.addMethod(m.addStatement("return new $T(new $T<>(tracker, $L, $L))", TypedClientWriter.implementation(model, r),
          FAKE_RESOURCE_CLIENT, typeConstant(r), r.namespaced() ? "namespace" : "null").build());
    }
    files.annotate(spec);
    files.write(name.packageName(), spec.build());
  }
}
