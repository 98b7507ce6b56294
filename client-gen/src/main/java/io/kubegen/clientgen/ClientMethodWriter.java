package io.kubegen.clientgen;

import static io.kubegen.gen.writer.RuntimeTypes.CREATE_OPTIONS;
import static io.kubegen.gen.writer.RuntimeTypes.DELETE_OPTIONS;
import static io.kubegen.gen.writer.RuntimeTypes.GET_OPTIONS;
import static io.kubegen.gen.writer.RuntimeTypes.LIST_OPTIONS;
import static io.kubegen.gen.writer.RuntimeTypes.OBJECT_LIST;
import static io.kubegen.gen.writer.RuntimeTypes.PATCH_OPTIONS;
import static io.kubegen.gen.writer.RuntimeTypes.PATCH_TYPE;
import static io.kubegen.gen.writer.RuntimeTypes.UPDATE_OPTIONS;
import static io.kubegen.gen.writer.RuntimeTypes.WATCH;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.kubegen.annotations.Verb;
import io.kubegen.gen.model.ExtraMethod;
import io.kubegen.gen.model.ResourceDescriptor;
import io.kubegen.gen.writer.GeneratedNames;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The methods of a typed client: the interface's abstract methods and convenience overloads, and
 * the one-line implementations that delegate to a {@code ResourceOperations} (a
 * {@code ResourceClient} or a {@code FakeResourceClient}). Verbs in {@link Verb} order, then extra
 * methods in annotation order.
 */
final class ClientMethodWriter {
  private static final String DELEGATE = "resource";
  private static final TypeName STRING = ClassName.get(String.class);
  private static final ParameterSpec NAME = ParameterSpec.builder(STRING, "name").build();
  private static final ParameterSpec PATCH_TYPE_PARAM = ParameterSpec.builder(PATCH_TYPE, "patchType").build();
  private static final ParameterSpec BODY = ParameterSpec.builder(STRING, "body").build();
  private static final ParameterSpec SUBRESOURCES = ParameterSpec.builder(ArrayTypeName.of(STRING), "subresources").build();

  private final ResourceDescriptor resource;
  private final ClassName type;

  ClientMethodWriter(ResourceDescriptor resource) {
    this.resource = resource;
    this.type = GeneratedNames.resourceType(resource);
  }

  /** The interface's methods. */
  List<MethodSpec> interfaceMethods() {
    List<MethodSpec> out = new ArrayList<>();
    for (Verb verb : resource.verbs()) {
      switch (verb) {
        case CREATE -> pair(out, "create", type, objParam(), CREATE_OPTIONS, "Creates {@code obj}; returns the object as the server stored it.");
        case UPDATE -> pair(out, "update", type, objParam(), UPDATE_OPTIONS,
            "Replaces {@code obj}; fails with 409 Conflict when its resourceVersion is stale.");
        case UPDATE_STATUS -> pair(out, "updateStatus", type, objParam(), UPDATE_OPTIONS,
            "Replaces the status of {@code obj} (the {@code status} subresource).");
        case DELETE -> pair(out, "delete", TypeName.VOID, NAME, DELETE_OPTIONS, "Deletes the object {@code name}.");
        case DELETE_COLLECTION -> out.add(abstractMethod("deleteCollection", TypeName.VOID,
            "Deletes every object {@code listOptions} selects.",
            param(DELETE_OPTIONS, "options"), param(LIST_OPTIONS, "listOptions")));
        case GET -> pair(out, "get", type, NAME, GET_OPTIONS,
            "Reads the object {@code name}; a missing object is a {@code KubeApiException} with 404.");
        case LIST -> {
          out.add(MethodSpec.methodBuilder("list").addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
              .addJavadoc("Lists every object.\n").returns(objectList())
              .addStatement("return list($T.none())", LIST_OPTIONS).build());
          out.add(abstractMethod("list", objectList(), "Lists the objects {@code options} selects.",
              param(LIST_OPTIONS, "options")));
        }
        case WATCH -> out.add(abstractMethod("watch", ParameterizedTypeName.get(WATCH, type),
            "Watches the objects {@code options} selects; close the watch to stop.", param(LIST_OPTIONS, "options")));
        case PATCH -> {
          out.add(MethodSpec.methodBuilder("patch").addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
              .addJavadoc("Patches the object {@code name}, or one of its subresources.\n").returns(type)
              .addParameter(NAME).addParameter(PATCH_TYPE_PARAM).addParameter(BODY).addParameter(SUBRESOURCES).varargs()
              .addStatement("return patch(name, patchType, body, $T.none(), subresources)", PATCH_OPTIONS).build());
          out.add(MethodSpec.methodBuilder("patch").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
              .addJavadoc("Patches the object {@code name}, or one of its subresources.\n").returns(type)
              .addParameter(NAME).addParameter(PATCH_TYPE_PARAM).addParameter(BODY)
              .addParameter(param(PATCH_OPTIONS, "options")).addParameter(SUBRESOURCES).varargs().build());
        }
        case APPLY -> applyPair(out, "apply", "Applies {@code obj} server-side as {@code fieldManager}.");
        case APPLY_STATUS -> applyPair(out, "applyStatus", "Applies the status of {@code obj} server-side.");
        default -> throw new IllegalStateException("unknown verb " + verb);
      }
    }
    for (ExtraMethod m : resource.methods()) {
      extra(out, m);
    }
    return out;
  }

  /** The implementation's methods, delegating to the field {@code resource}. */
  List<MethodSpec> implementationMethods() {
    List<MethodSpec> out = new ArrayList<>();
    for (MethodSpec m : interfaceMethods()) {
      if (!m.modifiers().contains(Modifier.ABSTRACT)) {
        continue;
      }
      MethodSpec.Builder b = MethodSpec.methodBuilder(m.name()).addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC).returns(m.returnType()).addParameters(m.parameters()).varargs(m.varargs());
      b.addCode(body(m));
      out.add(b.build());
    }
    return out;
  }

  private CodeBlock body(MethodSpec m) {
    String ret = m.returnType().equals(TypeName.VOID) ? "" : "return ";
    ExtraMethod extra = resource.methods().stream().filter(e -> e.name().equals(m.name())).findFirst().orElse(null);
    if (extra == null) {
      String args = String.join(", ", m.parameters().stream().map(ParameterSpec::name).toList());
      return CodeBlock.builder().addStatement("$L$L.$L($L)", ret, DELEGATE, m.name(), args).build();
    }
    ClassName result = GeneratedNames.className(extra.result());
    String sub = extra.subresource();
    return switch (extra.verb()) {
      case GET -> CodeBlock.of("return $L.getSubresource(name, $S, $T.class, options);\n", DELEGATE, sub, result);
      case UPDATE -> CodeBlock.of("return $L.updateSubresource(name, $S, body, $T.class, options);\n", DELEGATE, sub, result);
      case CREATE -> CodeBlock.of("return $L.createSubresource(name, $S, body, $T.class, options);\n", DELEGATE, sub, result);
      case PATCH -> CodeBlock.of("return $L.patch(name, patchType, body, options, $S);\n", DELEGATE, sub);
      case LIST -> CodeBlock.of("return $L.list(options);\n", DELEGATE);
      case DELETE -> CodeBlock.of("$L.deleteSubresource(name, $S, options);\n", DELEGATE, sub);
      default -> throw new IllegalStateException("unsupported extra verb " + extra.verb());
    };
  }

  private void extra(List<MethodSpec> out, ExtraMethod m) {
    ClassName result = GeneratedNames.className(m.result());
    ClassName input = GeneratedNames.className(m.input());
    String where = m.hasSubresource() ? "the {@code " + m.subresource() + "} subresource of {@code name}" : "the collection";
    switch (m.verb()) {
      case GET -> pair(out, m.name(), result, NAME, GET_OPTIONS, "Reads " + where + ".");
      case UPDATE -> extraWithBody(out, m, result, input, UPDATE_OPTIONS, "Replaces " + where + " with {@code body}.");
      case CREATE -> extraWithBody(out, m, result, input, CREATE_OPTIONS, "Creates {@code body} in " + where + ".");
      case DELETE -> pair(out, m.name(), TypeName.VOID, NAME, DELETE_OPTIONS, "Deletes " + where + ".");
      case LIST -> {
        out.add(abstractMethod(m.name(), objectList(), "Lists the objects {@code options} selects.",
            param(LIST_OPTIONS, "options")));
      }
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

  private void extraWithBody(List<MethodSpec> out, ExtraMethod m, TypeName result, TypeName input, ClassName options,
      String doc) {
    out.add(MethodSpec.methodBuilder(m.name()).addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addJavadoc(doc + "\n").returns(result).addParameter(NAME).addParameter(param(input, "body"))
        .addStatement("return $L(name, body, $T.none())", m.name(), options).build());
    out.add(abstractMethod(m.name(), result, doc, NAME, param(input, "body"), param(options, "options")));
  }

  /** {@code name(first)} as a default calling {@code name(first, Options.none())}, and the abstract one. */
  private void pair(List<MethodSpec> out, String name, TypeName returns, ParameterSpec first, ClassName options,
      String doc) {
    String ret = returns.equals(TypeName.VOID) ? "" : "return ";
    out.add(MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addJavadoc(doc + "\n").returns(returns).addParameter(first)
        .addStatement("$L$L($N, $T.none())", ret, name, first, options).build());
    out.add(abstractMethod(name, returns, doc, first, param(options, "options")));
  }

  private void applyPair(List<MethodSpec> out, String name, String doc) {
    out.add(MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addJavadoc(doc + "\n").returns(type).addParameter(objParam()).addParameter(param(STRING, "fieldManager"))
        .addStatement("return $L(obj, $T.builder().fieldManager(fieldManager).build())", name, PATCH_OPTIONS).build());
    out.add(abstractMethod(name, type, doc.replace(" as {@code fieldManager}", "")
        + " {@code options} must name a field manager.", objParam(), param(PATCH_OPTIONS, "options")));
  }

  private static MethodSpec abstractMethod(String name, TypeName returns, String doc, ParameterSpec... params) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addJavadoc(doc + "\n").returns(returns).addParameters(List.of(params)).build();
  }

  private ParameterSpec objParam() {
    return param(type, "obj");
  }

  private TypeName objectList() {
    return ParameterizedTypeName.get(OBJECT_LIST, type);
  }

  private static ParameterSpec param(TypeName type, String name) {
    return ParameterSpec.builder(type, name).build();
  }
}
