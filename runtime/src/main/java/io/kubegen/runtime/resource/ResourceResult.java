package io.kubegen.runtime.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubegen.runtime.api.GroupVersionKind;
import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.dynamic.GenericObject;
import io.kubegen.runtime.json.Json;
import io.kubegen.runtime.rest.RestClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The objects of the manifests a {@link ResourceBuilder} was given, walked with
 * {@link #visit(ResourceVisitor)} as kubectl's {@code resource.Result}. Each walk reads the
 * sources again (a stream only the first time) and handles one document at a time: parse, check,
 * flatten lists, map the kind (reading discovery again once for an unknown kind, so a
 * CustomResourceDefinition created earlier in the same walk is found), filter by label selector,
 * fill in or check the namespace, then hand the object to the visitor. Later documents are
 * mapped only after the visitor has handled earlier ones.
 *
 * <p>Immutable; walks may run on any thread, one document at a time per walk.
 */
public final class ResourceResult {
  private final RestClient client;
  private final RestMapper mapper;
  private final List<ManifestInput> inputs;
  private final String namespace;
  private final boolean enforceNamespace;
  private final LabelSelector selector;
  private final boolean continueOnError;

  ResourceResult(RestClient client, RestMapper mapper, List<ManifestInput> inputs, String namespace,
      boolean enforceNamespace, LabelSelector selector, boolean continueOnError) {
    this.client = client;
    this.mapper = mapper;
    this.inputs = List.copyOf(inputs);
    this.namespace = namespace;
    this.enforceNamespace = enforceNamespace;
    this.selector = selector;
    this.continueOnError = continueOnError;
  }

  /**
   * Walks every object. Without {@link ResourceBuilder#continueOnError()} the first failure stops the
   * walk and is thrown (a {@link ManifestException}, or what the visitor threw if unchecked); with
   * it, every failure is recorded with its source and the walk goes on, and at the end they are
   * thrown together as {@link ManifestErrors}.
   */
  public void visit(ResourceVisitor visitor) {
    new Walk(visitor).run();
  }

  /**
   * Every object, read, mapped and checked before any is handed out (kubectl's {@code Infos()}):
   * a custom resource whose CustomResourceDefinition is among the same manifests does not map
   * here unless the definition is already installed; {@link #visit} maps lazily instead.
   * Failures as for {@link #visit}.
   */
  public List<ResourceInfo> infos() {
    List<ResourceInfo> infos = new ArrayList<>();
    visit(infos::add);
    return infos;
  }

  /** The mapper the walk uses. */
  public RestMapper mapper() { return mapper; }

  /** Whether failures are collected instead of stopping the walk. */
  public boolean continuesOnError() { return continueOnError; }

  /** The namespace objects without one go to. */
  public String namespace() { return namespace; }

  /** One walk: the visitor, and the failures recorded so far. Confined to the walking thread. */
  private final class Walk {
    private final ResourceVisitor visitor;
    private final List<ManifestException> errors = new ArrayList<>();

    Walk(ResourceVisitor visitor) {
      this.visitor = java.util.Objects.requireNonNull(visitor, "visitor");
    }

    void run() {
      try {
        for (ManifestInput input : inputs) {
          try {
            readInput(input);
          } catch (ManifestException e) {
            failed(e);
          }
        }
      } catch (Abort abort) {
        throw abort.thrown;
      }
      if (!errors.isEmpty()) {
        throw new ManifestErrors(errors);
      }
    }

    private void readInput(ManifestInput input) {
      if (input instanceof ManifestInput.JavaObject o) {
        // a private copy: flattening fills in list items, and walks may run at the same time
        document(new ManifestSource(o.location(), 1), o.json().deepCopy());
        return;
      }
      String text;
      try {
        text = ManifestInput.textOf(input);
      } catch (IOException | RuntimeException e) {
        ManifestSource source = new ManifestSource(input.location(), 1);
        throw new ManifestException(source, ManifestException.Stage.READ, null,
            "error reading \"" + input.location() + "\": " + e.getMessage(), e);
      }
      ManifestDocuments.read(input.location(), text, this::document);
    }

    /** One parsed document; a validation failure ends the source (thrown), later failures do not. */
    private void document(ManifestSource source, JsonNode node) {
      List<String> problems = ManifestValidation.problems(node);
      if (!problems.isEmpty()) {
        throw new ManifestException(source, ManifestException.Stage.VALIDATE, null,
            "error validating " + source.quoted() + ": error validating data: " + ManifestValidation.describe(problems), null);
      }
      for (ObjectNode object : ManifestValidation.flatten(node)) {
        ResourceInfo info;
        try {
          info = toInfo(source, object);
        } catch (ManifestException e) {
          failed(e);
          continue;
        }
        if (info != null) {
          handOver(info);
        }
      }
    }

    /** The info of {@code object}, or null when the label selector leaves it out. */
    private ResourceInfo toInfo(ManifestSource source, ObjectNode object) {
      GenericObject generic;
      try {
        generic = Json.mapper().treeToValue(object, GenericObject.class);
      } catch (IOException | IllegalArgumentException e) {
        throw new ManifestException(source, ManifestException.Stage.VALIDATE, null,
            "unable to decode " + source.quoted() + ": " + e.getMessage(), e);
      }
      if (isBlank(generic.getApiVersion()) || isBlank(generic.getKind())) {
        throw new ManifestException(source, ManifestException.Stage.VALIDATE, null,
            "error validating " + source.quoted() + ": error validating data: apiVersion and kind must be set", null);
      }
      GroupVersionKind gvk = GroupVersionKind.of(generic.getApiVersion(), generic.getKind());
      String objectNamespace = emptyToNull(generic.getMetadata().getNamespace());
      RestMapping mapping;
      try {
        mapping = mapper.mapping(gvk);
      } catch (NoMatchException e) {
        throw new ManifestException(source, ManifestException.Stage.MAPPING, null,
            "resource mapping not found for name: \"" + nullToEmpty(generic.getMetadata().getName()) + "\" namespace: \""
                + nullToEmpty(objectNamespace) + "\" from " + source.quoted() + ": " + e.getMessage()
                + "\nensure CRDs are installed first", e);
      } catch (RuntimeException e) {
        throw new ManifestException(source, ManifestException.Stage.MAPPING, null,
            "unable to recognize " + source.quoted() + ": " + e.getMessage(), e);
      }
      if (selector != null && !selector.matches(labelsOf(generic))) {
        return null;
      }
      String target = null;
      if (mapping.namespaced()) {
        target = objectNamespace == null ? namespace : objectNamespace;
        if (enforceNamespace && !target.equals(namespace)) {
          ResourceInfo info = new ResourceInfo(client, generic, mapping, target, source);
          throw new ManifestException(source, ManifestException.Stage.NAMESPACE, info,
              "the namespace from the provided object \"" + target + "\" does not match the namespace \"" + namespace
                  + "\": " + info.displayName() + " from " + source.quoted(), null);
        }
        generic.getMetadata().setNamespace(target);
      } else {
        generic.getMetadata().setNamespace(null);
      }
      return new ResourceInfo(client, generic, mapping, target, source);
    }

    private void handOver(ResourceInfo info) {
      try {
        visitor.visit(info);
      } catch (Abort abort) {
        throw abort;
      } catch (ManifestException e) {
        failed(e);
      } catch (Exception e) {
        failed(new ManifestException(info.source(), ManifestException.Stage.VISIT, info,
            "error when visiting " + info.displayName() + " from " + info.source().quoted() + ": "
                + ResourceHelper.describe(e), e));
      }
    }

    /** Hands {@code e} to the visitor's error handler; records what it throws, or stops the walk with it. */
    private void failed(ManifestException e) {
      try {
        visitor.visitError(e);
      } catch (Exception thrown) {
        if (continueOnError) {
          errors.add(thrown instanceof ManifestException m ? m
              : new ManifestException(e.source(), e.stage(), e.info(), thrown.getMessage(), thrown));
        } else {
          throw new Abort(thrown instanceof RuntimeException r ? r
              : new ManifestException(e.source(), e.stage(), e.info(), thrown.getMessage(), thrown));
        }
      }
    }
  }

  private static Map<String, String> labelsOf(GenericObject object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels == null ? Map.of() : labels;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** Unwinds a walk that must stop, carrying what to throw. */
  private static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient RuntimeException thrown;

    Abort(RuntimeException thrown) {
      super(null, null, false, false);
      this.thrown = thrown;
    }
  }
}
