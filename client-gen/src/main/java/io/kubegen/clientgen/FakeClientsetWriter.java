package io.kubegen.clientgen;

import static io.kubegen.gen.writer.RuntimeTypes.FAKE_CLIENTSET_BASE;
import static io.kubegen.gen.writer.RuntimeTypes.OBJECT_TRACKER;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.kubegen.gen.model.ApiGroupVersion;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.writer.GeneratedFiles;
import io.kubegen.gen.writer.GeneratedNames;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code FakeClientset} in {@code <base>.clientset.fake}: the same group-version clients as
 * the REST clientset, over the runtime's {@code ObjectTracker} (through {@code FakeClientsetBase}).
 */
final class FakeClientsetWriter {
  private final ApiModel model;
  private final GeneratedFiles files;

  FakeClientsetWriter(ApiModel model, GeneratedFiles files) {
    this.model = model;
    this.files = files;
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
    for (ApiGroupVersion gv : model.byGroupVersion().keySet()) {
      ClassName gvClient = GeneratedNames.groupVersionClient(model, gv);
      model.byGroupVersion().get(gv).forEach(r -> spec.addOriginatingElement(r.element()));
      types.add(CodeBlock.of("$T.TYPES", gvClient));
      spec.addMethod(ClientsetWriter.accessor(model, gv).addAnnotation(Override.class)
          .addStatement("return $T.over(backend())", gvClient).build());
    }
    spec.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("An empty fake clientset.\n")
        .addStatement("this(new $T())", OBJECT_TRACKER).build());
    spec.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("A fake clientset over {@code tracker}, which is made to serve this clientset's resources.\n")
        .addParameter(OBJECT_TRACKER, "tracker")
        .addStatement("super(tracker, $T.of($L))", List.class, CodeBlock.join(types, ",$W")).build());
    spec.addMethod(MethodSpec.methodBuilder("of").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("A fake clientset holding {@code initial} objects (each of a generated resource type).\n")
        .returns(fake).addParameter(Object[].class, "initial").varargs()
        .addStatement("$T clientset = new $T()", fake, fake)
        .addStatement("clientset.tracker().add(initial)")
        .addStatement("return clientset").build());
    files.write(fake.packageName(), files.annotate(spec).build());
  }
}
