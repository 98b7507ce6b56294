package io.kubegen.listergen;

import static io.kubegen.gen.writer.RuntimeTypes.CACHE;
import static io.kubegen.gen.writer.RuntimeTypes.INDEXER;
import static io.kubegen.gen.writer.RuntimeTypes.INDEX_FUNCTION;
import static io.kubegen.gen.writer.RuntimeTypes.LABEL_SELECTOR;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.IndexDescriptor;
import io.kubegen.gen.model.PropertyStep;
import io.kubegen.gen.model.PropertyStep.Shape;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.writer.GeneratedFiles;
import io.kubegen.gen.writer.GeneratedNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes the listers of one resource: the public {@code FooLister} (and for namespaced types
 * {@code FooNamespaceLister}) interfaces, and the package-private {@code FooListerImpl} over an
 * {@code Indexer} that holds the {@code @GenIndex} index functions.
 */
final class ListerWriter {
  /** Said on every method that returns cached objects. */
  private static final String SHARED =
      "<p>Returned objects are shared with the informer's cache: never mutate them; copy first with\n"
          + "{@code Cache.copy(obj)}.\n";

  private final ApiModel model;
  private final GeneratedFiles files;

  ListerWriter(ApiModel model, GeneratedFiles files) {
    this.model = model;
    this.files = files;
  }

  void write(ResourceDescriptor r) {
    ClassName lister = GeneratedNames.lister(model, r);
    ClassName impl = lister.peerClass(r.generatedName("ListerImpl"));
    write(lister.packageName(), listerInterface(r, lister, impl));
    if (r.namespaced()) {
      write(lister.packageName(), namespaceListerInterface(r));
    }
    write(impl.packageName(), implementation(r, lister, impl));
  }

  private void write(String packageName, TypeSpec.Builder type) {
    files.write(packageName, files.annotate(type).build());
  }

  private TypeSpec.Builder listerInterface(ResourceDescriptor r, ClassName lister, ClassName impl) {
    TypeName obj = GeneratedNames.resourceType(r);
    TypeSpec.Builder api = TypeSpec.interfaceBuilder(lister).addModifiers(Modifier.PUBLIC)
        .addOriginatingElement(r.element())
        .addJavadoc("Reads {@link $T} objects ({@code $L} in {@code $L}, $L) from an informer's cache, without\n"
            + "calling the API server.\n\n", obj, r.plural(), r.groupVersion().apiVersion(),
            r.namespaced() ? "namespaced" : "cluster-scoped")
        .addJavadoc(SHARED)
        .addJavadoc("\n<p>Thread-safe: every call reads the cache as it is at that moment.\n");
    api.addMethod(abstractMethod("list", listOf(obj))
        .addJavadoc("The objects whose labels match {@code selector}$L; {@code LabelSelector.everything()}\n"
            + "for all.\n\n", r.namespaced() ? ", in every namespace" : "")
        .addJavadoc(SHARED)
        .addParameter(LABEL_SELECTOR, "selector").build());
    if (r.namespaced()) {
      api.addMethod(abstractMethod(r.accessorName(), GeneratedNames.namespaceLister(model, r))
          .addJavadoc("The lister of the {@code $L} in {@code namespace} ({@code \"\"}: every namespace).\n\n", r.plural())
          .addJavadoc(SHARED)
          .addParameter(String.class, "namespace").build());
    } else {
      api.addMethod(getMethod(r).addModifiers(Modifier.ABSTRACT).build());
    }
    for (IndexDescriptor index : r.indexes()) {
      api.addMethod(abstractMethod(index.name(), listOf(obj))
          .addJavadoc("The objects with {@code value} at {@code $L} (cache index {@code $S}$L).\n\n", index.path(),
              index.name(), manyValued(index) ? "; an object is found under each of its values" : "")
          .addJavadoc(SHARED)
          .addParameter(String.class, "value").build());
    }
    api.addMethod(MethodSpec.methodBuilder("create").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("A lister over {@code indexer}, which must have the namespace index and the indexes of\n"
            + "{@link #indexers()} (the informers of the generated informer factory have them).\n\n"
            + "@throws IllegalArgumentException if an index is missing\n")
        .returns(lister).addParameter(ParameterizedTypeName.get(INDEXER, obj), "indexer")
        .addStatement("return new $T(indexer)", impl).build());
    api.addMethod(MethodSpec.methodBuilder("indexers").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("The index functions this lister's lookups need, by index name$L: register them on the\n"
            + "informer. They call the model's accessors directly (no reflection).\n",
            r.indexes().isEmpty() ? " (none)" : "")
        .returns(indexersType(obj))
        .addStatement("return $L", indexersMap(r, impl)).build());
    return api;
  }

  private TypeSpec.Builder namespaceListerInterface(ResourceDescriptor r) {
    TypeName obj = GeneratedNames.resourceType(r);
    return TypeSpec.interfaceBuilder(GeneratedNames.namespaceLister(model, r)).addModifiers(Modifier.PUBLIC)
        .addOriginatingElement(r.element())
        .addJavadoc("Reads the {@link $T} objects of one namespace from an informer's cache, through the\n"
            + "cache's namespace index.\n\n", obj)
        .addJavadoc(SHARED)
        .addJavadoc("\n<p>Thread-safe: every call reads the cache as it is at that moment.\n")
        .addMethod(abstractMethod("list", listOf(obj))
            .addJavadoc("The objects of this namespace whose labels match {@code selector};\n"
                + "{@code LabelSelector.everything()} for all.\n\n")
            .addJavadoc(SHARED)
            .addParameter(LABEL_SELECTOR, "selector").build())
        .addMethod(getMethod(r).addModifiers(Modifier.ABSTRACT).build());
  }

  private TypeSpec.Builder implementation(ResourceDescriptor r, ClassName lister, ClassName impl) {
    TypeName obj = GeneratedNames.resourceType(r);
    TypeName indexerType = ParameterizedTypeName.get(INDEXER, obj);
    TypeSpec.Builder type = TypeSpec.classBuilder(impl).addModifiers(Modifier.FINAL)
        .addOriginatingElement(r.element())
        .addJavadoc("{@link $T} over an {@code Indexer}, and the index functions of its lookups.\n", lister)
        .addSuperinterface(lister)
        .addField(FieldSpec.builder(indexerType, "indexer", Modifier.PRIVATE, Modifier.FINAL).build());
    CodeBlock.Builder required = CodeBlock.builder().add("$T.NAMESPACE_INDEX", CACHE);
    for (IndexDescriptor index : r.indexes()) {
      required.add(", $S", index.name());
    }
    type.addMethod(MethodSpec.constructorBuilder().addParameter(indexerType, "indexer")
        .addStatement("this.indexer = $T.requireNonNull(indexer, $S)", Objects.class, "indexer")
        .beginControlFlow("for ($T index : $T.of($L))", String.class, List.class, required.build())
        .beginControlFlow("if (!indexer.getIndexers().containsKey(index))")
        .addStatement("throw new $T($S + index + $S)", IllegalArgumentException.class, "the indexer has no index \"",
            "\"; register " + lister.simpleName() + ".indexers() on the informer")
        .endControlFlow()
        .endControlFlow()
        .build());
    type.addMethod(override("list", listOf(obj)).addParameter(LABEL_SELECTOR, "selector")
        .addStatement("return select(indexer.list(), selector)").build());
    if (r.namespaced()) {
      ClassName nsLister = GeneratedNames.namespaceLister(model, r);
      type.addMethod(override(r.accessorName(), nsLister).addParameter(String.class, "namespace")
          .addStatement("return new Namespaced(indexer, $T.requireNonNull(namespace, $S))", Objects.class, "namespace")
          .build());
      type.addType(namespacedImplementation(r, nsLister, indexerType));
    } else {
      type.addMethod(override("get", ParameterizedTypeName.get(ClassName.get(Optional.class), obj))
          .addParameter(String.class, "name")
          .addStatement("return indexer.getByKey($T.requireNonNull(name, $S))", Objects.class, "name").build());
    }
    for (IndexDescriptor index : r.indexes()) {
      type.addMethod(override(index.name(), listOf(obj)).addParameter(String.class, "value")
          .addStatement("return indexer.byIndex($S, $T.requireNonNull(value, $S))", index.name(), Objects.class, "value")
          .build());
    }
    type.addMethod(MethodSpec.methodBuilder("select").addModifiers(Modifier.STATIC)
        .addJavadoc("The objects whose labels match {@code selector}.\n")
        .returns(listOf(obj)).addParameter(listOf(obj), "objects").addParameter(LABEL_SELECTOR, "selector")
        .beginControlFlow("if ($T.requireNonNull(selector, $S).isEmpty())", Objects.class, "selector")
        .addStatement("return objects")
        .endControlFlow()
        .addStatement("$T out = new $T<>()", listOf(obj), ArrayList.class)
        .beginControlFlow("for ($T obj : objects)", obj)
        .beginControlFlow("if (selector.matches(obj.getMetadata() == null ? null : obj.getMetadata().getLabels()))")
        .addStatement("out.add(obj)")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return out").build());
    for (IndexDescriptor index : r.indexes()) {
      type.addMethod(MethodSpec.methodBuilder(indexFunctionName(index)).addModifiers(Modifier.STATIC)
          .addJavadoc("Index {@code $S}: the values at {@code $L} of {@code obj}.\n", index.name(), index.path())
          .returns(ParameterizedTypeName.get(List.class, String.class)).addParameter(obj, IndexFunctionWriter.OBJECT)
          .addStatement("$T $L = new $T<>()", ParameterizedTypeName.get(List.class, String.class),
              IndexFunctionWriter.VALUES, ArrayList.class)
          .addCode(IndexFunctionWriter.body(index))
          .addStatement("return $L", IndexFunctionWriter.VALUES).build());
    }
    return type;
  }

  private TypeSpec namespacedImplementation(ResourceDescriptor r, ClassName nsLister, TypeName indexerType) {
    TypeName obj = GeneratedNames.resourceType(r);
    return TypeSpec.classBuilder("Namespaced").addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("{@link $T} of one namespace ({@code \"\"}: every namespace).\n", nsLister)
        .addSuperinterface(nsLister)
        .addField(indexerType, "indexer", Modifier.PRIVATE, Modifier.FINAL)
        .addField(String.class, "namespace", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addParameter(indexerType, "indexer")
            .addParameter(String.class, "namespace")
            .addStatement("this.indexer = indexer")
            .addStatement("this.namespace = namespace").build())
        .addMethod(override("list", listOf(obj)).addParameter(LABEL_SELECTOR, "selector")
            .addStatement("return select(namespace.isEmpty() ? indexer.list() : indexer.byIndex($T.NAMESPACE_INDEX, namespace),"
                + " selector)", CACHE)
            .build())
        .addMethod(override("get", ParameterizedTypeName.get(ClassName.get(Optional.class), obj))
            .addParameter(String.class, "name")
            .addStatement("$T.requireNonNull(name, $S)", Objects.class, "name")
            .addStatement("return indexer.getByKey(namespace.isEmpty() ? name : namespace + $S + name)", "/")
            .build())
        .build();
  }

  private MethodSpec.Builder getMethod(ResourceDescriptor r) {
    return MethodSpec.methodBuilder("get").addModifiers(Modifier.PUBLIC)
        .addJavadoc("The object named {@code name}$L, if the cache has it.\n\n", r.namespaced() ? " in this namespace" : "")
        .addJavadoc(SHARED)
        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), GeneratedNames.resourceType(r)))
        .addParameter(String.class, "name");
  }

  private CodeBlock indexersMap(ResourceDescriptor r, ClassName impl) {
    if (r.indexes().isEmpty()) {
      return CodeBlock.of("$T.of()", Map.class);
    }
    CodeBlock.Builder entries = CodeBlock.builder();
    for (int i = 0; i < r.indexes().size(); i++) {
      IndexDescriptor index = r.indexes().get(i);
      entries.add(i == 0 ? "" : ",\n").add("$T.entry($S, $T::$L)", Map.class, index.name(), impl, indexFunctionName(index));
    }
    return CodeBlock.of("$T.ofEntries(\n$>$L$<)", Map.class, entries.build());
  }

  /** Whether an object can have several keys in {@code index}: a collection on the way, or a map at the end. */
  private static boolean manyValued(IndexDescriptor index) {
    List<PropertyStep> steps = index.steps();
    return steps.stream().anyMatch(s -> s.shape() == Shape.COLLECTION)
        || steps.get(steps.size() - 1).shape() == Shape.MAP;
  }

  private static String indexFunctionName(IndexDescriptor index) {
    return index.name() + "Values";
  }

  private static TypeName indexersType(TypeName obj) {
    return ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class),
        ParameterizedTypeName.get(INDEX_FUNCTION, obj));
  }

  private static TypeName listOf(TypeName obj) {
    return ParameterizedTypeName.get(ClassName.get(List.class), obj);
  }

  private static MethodSpec.Builder abstractMethod(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT).returns(returns);
  }

  private static MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(returns);
  }
}
