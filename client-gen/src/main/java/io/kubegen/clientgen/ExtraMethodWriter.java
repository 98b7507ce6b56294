package io.kubegen.clientgen;

import static io.kubegen.gen.writer.RuntimeTypes.CREATE_OPTIONS;
import static io.kubegen.gen.writer.RuntimeTypes.DELETE_OPTIONS;
import static io.kubegen.gen.writer.RuntimeTypes.GET_OPTIONS;
import static io.kubegen.gen.writer.RuntimeTypes.LIST_OPTIONS;
import static io.kubegen.gen.writer.RuntimeTypes.OBJECT_LIST;
import static io.kubegen.gen.writer.RuntimeTypes.PATCH_OPTIONS;
import static io.kubegen.gen.writer.RuntimeTypes.PATCH_TYPE;
import static io.kubegen.gen.writer.RuntimeTypes.UPDATE_OPTIONS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.kubegen.gen.model.ExtraMethod;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.writer.GeneratedNames;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The methods of {@code @GenClient.Method}, the only verbs a typed client declares itself (the
 * others come from the runtime's verb interfaces): in the interface, the method with options and a
 * convenience overload without; in the implementation, one call of its {@code ResourceOperations}.
 * Annotation order.
 */
final class ExtraMethodWriter {
  private static final TypeName STRING = ClassName.get(String.class);
  private static final ParameterSpec NAME = ParameterSpec.builder(STRING, "name").build();
  private static final ParameterSpec PATCH_TYPE_PARAM = ParameterSpec.builder(PATCH_TYPE, "patchType").build();
  private static final ParameterSpec BODY = ParameterSpec.builder(STRING, "body").build();

  private final ResourceDescriptor resource;
  private final ClassName type;

  ExtraMethodWriter(ResourceDescriptor resource) {
    this.resource = resource;
    this.type = GeneratedNames.resourceType(resource);
  }

  /** The interface's methods: per extra method a default overload without options, and the abstract one. */
  List<MethodSpec> interfaceMethods() {
    List<MethodSpec> out = new ArrayList<>();
    for (ExtraMethod m : resource.methods()) {
      ClassName result = GeneratedNames.className(m.result());
      ClassName input = GeneratedNames.className(m.input());
      String where = m.hasSubresource() ? "the {@code " + m.subresource() + "} subresource of {@code name}" : "the collection";
      switch (m.verb()) {
        case GET -> pair(out, m.name(), result, NAME, GET_OPTIONS, "Reads " + where + ".");
        case UPDATE -> withBody(out, m, result, input, UPDATE_OPTIONS, "Replaces " + where + " with {@code body}.");
        case CREATE -> withBody(out, m, result, input, CREATE_OPTIONS, "Creates {@code body} in " + where + ".");
        case DELETE -> pair(out, m.name(), TypeName.VOID, NAME, DELETE_OPTIONS, "Deletes " + where + ".");
        case LIST -> out.add(abstractMethod(m.name(), ParameterizedTypeName.get(OBJECT_LIST, type),
            "Lists the objects {@code options} selects.", param(LIST_OPTIONS, "options")));
        case PATCH -> {
          out.add(MethodSpec.methodBuilder(m.name()).addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
              .addJavadoc("Patches " + where + ".\n").returns(type)
              .addParameter(NAME).addParameter(PATCH_TYPE_PARAM).addParameter(BODY)
              .addStatement("return $L(name, patchType, body, $T.none())", m.name(), PATCH_OPTIONS).build());
          out.add(abstractMethod(m.name(), type, "Patches " + where + ".", NAME, PATCH_TYPE_PARAM, BODY,
              param(PATCH_OPTIONS, "options")));
        }
        default -> throw new IllegalStateException("unsupported extra verb " + m.verb());
      }
    }
    return out;
  }

  /** The implementation's methods: the abstract ones of the interface, each a call of {@code operations()}. */
  List<MethodSpec> implementationMethods() {
    List<MethodSpec> out = new ArrayList<>();
    for (MethodSpec m : interfaceMethods()) {
      if (m.modifiers().contains(Modifier.ABSTRACT)) {
        ExtraMethod extra = resource.methods().stream().filter(e -> e.name().equals(m.name())).findFirst().orElseThrow();
        out.add(MethodSpec.methodBuilder(m.name()).addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(m.returnType()).addParameters(m.parameters()).addCode(body(extra)).build());
      }
    }
    return out;
  }

  private static CodeBlock body(ExtraMethod extra) {
    ClassName result = GeneratedNames.className(extra.result());
    String sub = extra.subresource();
    return switch (extra.verb()) {
      case GET -> CodeBlock.of("return operations().getSubresource(name, $S, $T.class, options);\n", sub, result);
      case UPDATE -> CodeBlock.of("return operations().updateSubresource(name, $S, body, $T.class, options);\n", sub, result);
      case CREATE -> CodeBlock.of("return operations().createSubresource(name, $S, body, $T.class, options);\n", sub, result);
      case PATCH -> CodeBlock.of("return operations().patch(name, patchType, body, options, $S);\n", sub);
      case LIST -> CodeBlock.of("return operations().list(options);\n");
      case DELETE -> CodeBlock.of("operations().deleteSubresource(name, $S, options);\n", sub);
      default -> throw new IllegalStateException("unsupported extra verb " + extra.verb());
    };
  }

  private static void withBody(List<MethodSpec> out, ExtraMethod m, TypeName result, TypeName input, ClassName options,
      String doc) {
    out.add(MethodSpec.methodBuilder(m.name()).addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addJavadoc(doc + "\n").returns(result).addParameter(NAME).addParameter(param(input, "body"))
        .addStatement("return $L(name, body, $T.none())", m.name(), options).build());
    out.add(abstractMethod(m.name(), result, doc, NAME, param(input, "body"), param(options, "options")));
  }

  /** {@code name(first)} as a default calling {@code name(first, Options.none())}, and the abstract one. */
  private static void pair(List<MethodSpec> out, String name, TypeName returns, ParameterSpec first, ClassName options,
      String doc) {
    String ret = returns.equals(TypeName.VOID) ? "" : "return ";
    out.add(MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addJavadoc(doc + "\n").returns(returns).addParameter(first)
        .addStatement("$L$L($N, $T.none())", ret, name, first, options).build());
    out.add(abstractMethod(name, returns, doc, first, param(options, "options")));
  }

  private static MethodSpec abstractMethod(String name, TypeName returns, String doc, ParameterSpec... params) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addJavadoc(doc + "\n").returns(returns).addParameters(List.of(params)).build();
  }

  private static ParameterSpec param(TypeName type, String name) {
    return ParameterSpec.builder(type, name).build();
  }
}
