package io.kubegen.listergen;

import static io.kubegen.gen.writer.RuntimeTypes.INDEXER;
import static io.kubegen.gen.writer.RuntimeTypes.INDEXER_LISTER;
import static io.kubegen.gen.writer.RuntimeTypes.INDEX_FUNCTION;
import static io.kubegen.gen.writer.RuntimeTypes.RESOURCE_LISTER;
import static io.kubegen.gen.writer.RuntimeTypes.SCOPED_LISTER;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.IndexDescriptor;
import io.kubegen.gen.model.PropertyStep.Shape;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.writer.GeneratedFiles;
import io.kubegen.gen.writer.GeneratedNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code FooLister}, the lister of one resource: an interface over the runtime's
 * {@code ResourceLister} (namespaced types, with {@code FooNamespaceLister} per namespace, written
 * to its own file) or {@code ScopedLister} (cluster-scoped types), with a default method per
 * {@code @GenIndex}, the index functions ({@code indexers()}), and {@code create(Indexer)} whose
 * implementation is a local class over the runtime's {@code IndexerLister}.
 */
final class ListerWriter {
  private final ApiModel model;
  private final GeneratedFiles files;

  ListerWriter(ApiModel model, GeneratedFiles files) {
    this.model = model;
    this.files = files;
  }

  void write(ResourceDescriptor r) {
    ClassName lister = GeneratedNames.lister(model, r);
    TypeName obj = GeneratedNames.resourceType(r);
    TypeSpec.Builder api = TypeSpec.interfaceBuilder(lister).addModifiers(Modifier.PUBLIC)
        .addOriginatingElement(r.element())
        .addSuperinterface(ParameterizedTypeName.get(r.namespaced() ? RESOURCE_LISTER : SCOPED_LISTER, obj))
        .addJavadoc("Reads {@link $T} objects ({@code $L} in {@code $L}, $L) from an informer's cache:\n",
            obj, r.plural(), r.groupVersion().apiVersion(), r.namespaced() ? "namespaced" : "cluster-scoped")
        .addJavadoc("$L from {@link $T}. Returned objects are shared with the cache: never mutate them\n",
            r.namespaced() ? "{@code list}" : "{@code list} and {@code get}", r.namespaced() ? RESOURCE_LISTER : SCOPED_LISTER)
        .addJavadoc("(copy with {@code Cache.copy(obj)} first). Thread-safe: each call reads the cache as it is.\n");
    if (r.namespaced()) {
      api.addMethod(MethodSpec.methodBuilder(r.accessorName()).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .returns(GeneratedNames.namespaceLister(model, r)).addParameter(String.class, "namespace")
          .addJavadoc("The lister of the {@code $L} in {@code namespace} ({@code \"\"}: every namespace).\n", r.plural())
          .build());
    }
    for (IndexDescriptor index : r.indexes()) {
      api.addMethod(MethodSpec.methodBuilder(index.name()).addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
          .returns(listOf(obj)).addParameter(String.class, "value")
          .addJavadoc("The objects with {@code value} at {@code $L} (cache index {@code $S}$L).\n", index.path(),
              index.name(), manyValued(index) ? "; an object is found under each of its values" : "")
          .addStatement("return byIndex($S, value)", index.name()).build());
    }
    api.addMethod(create(r, lister, obj)).addMethod(indexers(r, obj));
    files.write(lister.packageName(), files.annotate(api).build());
    if (r.namespaced()) {
      writeNamespaceLister(r, obj);
    }
  }

  /**
   * {@code FooNamespaceLister}: its own file beside {@code FooLister}, since downstream code imports
   * it by that name; everything it offers comes from {@code ScopedLister}.
   */
  private void writeNamespaceLister(ResourceDescriptor r, TypeName obj) {
    ClassName name = GeneratedNames.namespaceLister(model, r);
    TypeSpec.Builder api = TypeSpec.interfaceBuilder(name).addModifiers(Modifier.PUBLIC)
        .addOriginatingElement(r.element())
        .addSuperinterface(ParameterizedTypeName.get(SCOPED_LISTER, obj))
        .addJavadoc("Reads the {@link $T} objects of one namespace from an informer's cache ({@code list}, {@code get} of\n", obj)
        .addJavadoc("{@link $T}); returned objects are shared with the cache: never mutate them. Thread-safe.\n",
            SCOPED_LISTER);
    files.write(name.packageName(), files.annotate(api).build());
  }

  /** {@code create(Indexer)}: checks the indexes, then a local class over {@code IndexerLister}. */
  private MethodSpec create(ResourceDescriptor r, ClassName lister, TypeName obj) {
    ClassName impl = ClassName.get("", r.generatedName("ListerImpl"));
    TypeSpec.Builder local = TypeSpec.classBuilder(impl).addModifiers(Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(INDEXER_LISTER, obj)).addSuperinterface(lister);
    String root;
    if (r.namespaced()) {
      ClassName namespaceLister = GeneratedNames.namespaceLister(model, r);
      local.addSuperinterface(namespaceLister)
          .addMethod(MethodSpec.constructorBuilder().addParameter(String.class, "namespace")
              .addStatement("super(indexer, namespace)").build())
          .addMethod(MethodSpec.methodBuilder(r.accessorName()).addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC).returns(namespaceLister).addParameter(String.class, "namespace")
              .addStatement("return new $T(namespace)", impl).build());
      root = "\"\"";
    } else {
      local.addMethod(MethodSpec.constructorBuilder().addStatement("super(indexer, $S)", "").build());
      root = "";
    }
    return MethodSpec.methodBuilder("create").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("A lister over {@code indexer}, which must have the namespace index and {@link #indexers()}\n")
        .addJavadoc("(else an {@code IllegalArgumentException} names the missing ones).\n")
        .returns(lister).addParameter(ParameterizedTypeName.get(INDEXER, obj), "indexer")
        .addStatement("$T.requireIndexes(indexer, indexers().keySet(), $S)", INDEXER_LISTER, lister.simpleName())
        .addCode("$L", local.build())
        .addStatement("return new $T($L)", impl, root).build();
  }

  /** {@code indexers()}: the index functions by name, each a lambda of accessor calls. */
  private MethodSpec indexers(ResourceDescriptor r, TypeName obj) {
    List<CodeBlock> entries = new ArrayList<>();
    for (IndexDescriptor index : r.indexes()) {
      entries.add(CodeBlock.of("$S, $L", index.name(), IndexFunctionWriter.lambda(index)));
    }
    CodeBlock map;
    if (entries.size() <= 1) {
      map = CodeBlock.of("$T.of($L)", Map.class, CodeBlock.join(entries, ""));
    } else if (entries.size() <= 10) {
      map = CodeBlock.of("$T.of(\n$L)", Map.class, CodeBlock.join(entries, ",\n"));
    } else {
      List<CodeBlock> wrapped = entries.stream().map(e -> CodeBlock.of("$T.entry($L)", Map.class, e)).toList();
      map = CodeBlock.of("$T.ofEntries(\n$L)", Map.class, CodeBlock.join(wrapped, ",\n"));
    }
    return MethodSpec.methodBuilder("indexers").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("The index functions of the lookups$L, by name, to register on the informer (no reflection).\n",
            r.indexes().isEmpty() ? " (none)" : "")
        .returns(ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class),
            ParameterizedTypeName.get(INDEX_FUNCTION, obj)))
        .addStatement("return $L", map).build();
  }

  private static TypeName listOf(TypeName t) {
    return ParameterizedTypeName.get(ClassName.get(List.class), t);
  }

  /** Whether an object can be filed under several values of the index (a collection or map on the path). */
  private static boolean manyValued(IndexDescriptor index) {
    return index.steps().stream().anyMatch(s -> s.shape() == Shape.COLLECTION
        || (s.shape() == Shape.MAP && s == index.steps().get(index.steps().size() - 1)));
  }
}
