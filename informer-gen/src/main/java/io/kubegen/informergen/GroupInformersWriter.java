package io.kubegen.informergen;

import static io.kubegen.gen.writer.RuntimeTypes.SHARED_INFORMER_FACTORY_BASE;

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
 * Writes the accessor types between the factory and the informers: {@code <G>Informers} (one
 * method per version, {@code v1alpha1()}) and {@code <G><V>Informers} (one method per resource,
 * {@code foos()}).
 */
final class GroupInformersWriter {
  private final ApiModel model;
  private final GeneratedFiles files;

  GroupInformersWriter(ApiModel model, GeneratedFiles files) {
    this.model = model;
    this.files = files;
  }

  /** {@code <G><V>Informers} for {@code gv}. */
  void writeVersion(ApiGroupVersion gv, List<ResourceDescriptor> resources) {
    ClassName name = GeneratedNames.groupVersionInformers(model, gv);
    TypeSpec.Builder type = accessorType(name)
        .addJavadoc("The informers of API group version {@code $L}, one per resource. Thread-safe.\n", gv.apiVersion());
    for (ResourceDescriptor r : resources) {
      type.addOriginatingElement(r.element());
      ClassName informer = GeneratedNames.informer(model, r);
      type.addMethod(MethodSpec.methodBuilder(r.accessorName()).addModifiers(Modifier.PUBLIC).returns(informer)
          .addJavadoc("The informer of {@code $L}$L.\n", r.plural(),
              r.namespaced() ? " (in the factory's namespace)" : " (cluster-scoped)")
          .addStatement("return new $T(factory, clientset)", informer).build());
    }
    files.write(name.packageName(), files.annotate(type).build());
  }

  /** {@code <G>Informers} for the group versions sharing the package segment {@code segment}. */
  void writeGroup(String segment, List<ApiGroupVersion> versions) {
    ClassName name = GeneratedNames.groupInformers(model, segment);
    TypeSpec.Builder type = accessorType(name)
        .addJavadoc("The informers of API group {@code $L}, one accessor per version. Thread-safe.\n",
            versions.get(0).isCore() ? "core" : versions.get(0).group());
    for (ApiGroupVersion gv : versions) {
      model.byGroupVersion().get(gv).forEach(r -> type.addOriginatingElement(r.element()));
      ClassName versionType = GeneratedNames.groupVersionInformers(model, gv);
      type.addMethod(MethodSpec.methodBuilder(gv.versionSegment()).addModifiers(Modifier.PUBLIC).returns(versionType)
          .addJavadoc("The informers of {@code $L}.\n", gv.apiVersion())
          .addStatement("return new $T(factory, clientset)", versionType).build());
    }
    files.write(name.packageName(), files.annotate(type).build());
  }

  private TypeSpec.Builder accessorType(ClassName name) {
    ClassName clientset = GeneratedNames.clientset(model);
    return TypeSpec.classBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addField(SHARED_INFORMER_FACTORY_BASE, "factory", Modifier.PRIVATE, Modifier.FINAL)
        .addField(clientset, "clientset", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("Informers shared through {@code factory}, listing and watching through {@code clientset}.\n")
            .addParameter(SHARED_INFORMER_FACTORY_BASE, "factory").addParameter(clientset, "clientset")
            .addStatement("this.factory = $T.requireNonNull(factory, $S)", Objects.class, "factory")
            .addStatement("this.clientset = $T.requireNonNull(clientset, $S)", Objects.class, "clientset").build());
  }
}
