package io.kubegen.clientgen;

import static io.kubegen.gen.writer.RuntimeTypes.GROUP_VERSION_KIND;
import static io.kubegen.gen.writer.RuntimeTypes.GROUP_VERSION_RESOURCE;
import static io.kubegen.gen.writer.RuntimeTypes.READ_ONLY_CLIENT;
import static io.kubegen.gen.writer.RuntimeTypes.RESOURCE_TYPE;
import static io.kubegen.gen.writer.RuntimeTypes.STATUS_WRITER;
import static io.kubegen.gen.writer.RuntimeTypes.WRITABLE_CLIENT;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.kubegen.annotations.Verb;
import io.kubegen.gen.model.ApiModel;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.writer.GeneratedFiles;
import io.kubegen.gen.writer.GeneratedNames;
import io.kubegen.gen.writer.RuntimeTypes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code FooClient}, the typed client interface of one resource: it extends the runtime's
 * verb interfaces its verbs allow ({@code WritableClient}, {@code ReadOnlyClient},
 * {@code StatusWriter} or single verbs), so a read-only type has no writing method at all, and
 * declares only its constants ({@code RESOURCE}, {@code KIND}, {@code TYPE}) and the methods of
 * {@code @GenClient.Method}. Its implementation lives in the group-version client.
 */
final class TypedClientWriter {
  /** The reading verbs, all of {@code ReadOnlyClient}. */
  static final Set<Verb> READ = EnumSet.of(Verb.GET, Verb.LIST, Verb.WATCH);
  /** Every verb on the object, all of {@code WritableClient}. */
  static final Set<Verb> WRITE = EnumSet.of(Verb.CREATE, Verb.UPDATE, Verb.DELETE, Verb.DELETE_COLLECTION, Verb.GET,
      Verb.LIST, Verb.WATCH, Verb.PATCH, Verb.APPLY);
  /** The status verbs, all of {@code StatusWriter}. */
  static final Set<Verb> STATUS = EnumSet.of(Verb.UPDATE_STATUS, Verb.APPLY_STATUS);

  private final ApiModel model;
  private final GeneratedFiles files;

  TypedClientWriter(ApiModel model, GeneratedFiles files) {
    this.model = model;
    this.files = files;
  }

  /** The verb interfaces a client with {@code verbs} extends, the widest first. */
  static List<TypeName> verbInterfaces(Set<Verb> verbs, TypeName type) {
    List<TypeName> out = new ArrayList<>();
    Set<Verb> rest = verbs.isEmpty() ? EnumSet.noneOf(Verb.class) : EnumSet.copyOf(verbs);
    if (rest.containsAll(WRITE)) {
      out.add(ParameterizedTypeName.get(WRITABLE_CLIENT, type));
      rest.removeAll(WRITE);
    } else if (rest.containsAll(READ)) {
      out.add(ParameterizedTypeName.get(READ_ONLY_CLIENT, type));
      rest.removeAll(READ);
    }
    if (rest.containsAll(STATUS)) {
      out.add(ParameterizedTypeName.get(STATUS_WRITER, type));
      rest.removeAll(STATUS);
    }
    for (Verb verb : rest) {
      ClassName single = RuntimeTypes.verbInterface(verb);
      out.add(verb == Verb.DELETE || verb == Verb.DELETE_COLLECTION ? single : ParameterizedTypeName.get(single, type));
    }
    return out;
  }

  void write(ResourceDescriptor r) {
    ClassName client = GeneratedNames.typedClient(model, r);
    ClassName type = GeneratedNames.resourceType(r);
    List<TypeName> verbs = verbInterfaces(r.verbs(), type);
    TypeSpec.Builder api = TypeSpec.interfaceBuilder(client).addModifiers(Modifier.PUBLIC)
        .addOriginatingElement(r.element())
        .addJavadoc("Typed client of {@link $T}: {@code $L} in {@code $L}, $L; $L\n", type, r.plural(),
            r.groupVersion().apiVersion(), r.namespaced() ? "namespaced" : "cluster-scoped",
            verbs.isEmpty() ? CodeBlock.of("no verbs but its own.") : CodeBlock.of("verbs from $L.", verbLinks(verbs)))
        .addJavadoc("Calls fail with {@code KubeApiException} carrying the server's {@code Status}; thread-safe.\n")
        .addSuperinterfaces(verbs)
        .addField(FieldSpec.builder(GROUP_VERSION_RESOURCE, "RESOURCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The resource this client serves.\n")
            .initializer("new $T($S, $S, $S)", GROUP_VERSION_RESOURCE, r.groupVersion().group(),
                r.groupVersion().version(), r.plural())
            .build())
        .addField(FieldSpec.builder(GROUP_VERSION_KIND, "KIND", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The kind of its objects; writes fill in a null {@code apiVersion} and {@code kind} from it.\n")
            .initializer("new $T($S, $S, $S)", GROUP_VERSION_KIND, r.groupVersion().group(),
                r.groupVersion().version(), r.kind())
            .build())
        .addField(FieldSpec.builder(ParameterizedTypeName.get(RESOURCE_TYPE, type), "TYPE", Modifier.PUBLIC,
                Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("How the clientsets reach {@code $L}: $L, $L the {@code status} subresource.\n", r.plural(),
                r.namespaced() ? "namespaced" : "cluster-scoped", r.hasStatus() ? "with" : "without")
            .initializer("new $T<>(RESOURCE, KIND.kind(), $T.class, $L, $L)", RESOURCE_TYPE, type, r.namespaced(),
                r.hasStatus())
            .build())
        .addMethods(new ExtraMethodWriter(r).interfaceMethods());
    files.write(client.packageName(), files.annotate(api).build());
  }

  /** {@code {@link A} and {@link B}}, for the javadoc. */
  private static CodeBlock verbLinks(List<TypeName> verbs) {
    List<CodeBlock> links = new ArrayList<>();
    for (TypeName t : verbs) {
      links.add(CodeBlock.of("{@link $T}", t instanceof ParameterizedTypeName p ? p.rawType() : t));
    }
    if (links.size() < 2) {
      return CodeBlock.join(links, "");
    }
    return CodeBlock.builder().add(CodeBlock.join(links.subList(0, links.size() - 1), ", ")).add(" and ")
        .add(links.get(links.size() - 1)).build();
  }
}
