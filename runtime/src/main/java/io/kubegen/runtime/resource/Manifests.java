package io.kubegen.runtime.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubegen.runtime.dynamic.GenericObject;
import io.kubegen.runtime.json.Json;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.rest.RestClient;
import io.kubegen.runtime.testing.JsonPatches;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line to create or apply manifests, with one {@link ManifestResult} per object:
 * <pre>{@code
 * List<ManifestResult> results = Manifests.apply(client, Path.of("deploy"));
 * results.forEach(System.out::println);          // configmap/settings created, deployment.apps/web unchanged, ...
 *
 * Manifests.using(client).namespace("team-a").fieldManager("my-operator").force(true)
 *     .dryRun(DryRun.SERVER).apply(Path.of("deploy"));
 * }</pre>
 * {@code create} is {@code kubectl create -f}: each object is created, or fails (for instance when
 * it exists). {@code apply} is {@code kubectl apply --server-side -f}: each object is read, then
 * applied under the field manager ({@code kubegen} by default), and reported as created,
 * configured or unchanged. Every document is handled and every failure reported in place, with
 * its source, never thrown: a malformed or invalid document ends its file as in kubectl, an unknown
 * kind or a refused write fails only its object. Objects are mapped just before they are written,
 * so a folder with a CustomResourceDefinition and its custom resources works in one call when the
 * definition's file comes first (kubectl's {@code apply} needs two runs for that).
 *
 * <p>Configure once, then call from one thread at a time; results are returned in source order.
 */
public final class Manifests {
  /** The field manager {@code apply} uses unless told otherwise. */
  public static final String DEFAULT_FIELD_MANAGER = "kubegen";

  private final RestClient client;
  private RestMapper mapper;
  private String namespace;
  private boolean enforceNamespace;
  private String labelSelector;
  private boolean recursive;
  private String fieldManager = DEFAULT_FIELD_MANAGER;
  private boolean force;
  private DryRun dryRun = DryRun.NONE;

  private Manifests(RestClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** Creates the objects in {@code paths} (files or directories) through {@code client}. */
  public static List<ManifestResult> create(RestClient client, Path... paths) {
    return using(client).create(paths);
  }

  /** Applies (server-side) the objects in {@code paths} (files or directories) through {@code client}. */
  public static List<ManifestResult> apply(RestClient client, Path... paths) {
    return using(client).apply(paths);
  }

  /** A configurable facade over {@code client}. */
  public static Manifests using(RestClient client) {
    return new Manifests(client);
  }

  /** The mapper to use (share one across calls to read discovery once); default: a new one per call. */
  public Manifests mapper(RestMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    return this;
  }

  /** The namespace of objects that name none; default: the client config's namespace. */
  public Manifests namespace(String namespace) {
    this.namespace = namespace;
    return this;
  }

  /** Fail objects that name a namespace other than {@link #namespace(String)}. */
  public Manifests enforceNamespace() {
    this.enforceNamespace = true;
    return this;
  }

  /** Handle only objects whose labels match {@code selector}. */
  public Manifests labelSelector(String selector) {
    this.labelSelector = selector;
    return this;
  }

  /** Read subdirectories of directories too. */
  public Manifests recursive(boolean recursive) {
    this.recursive = recursive;
    return this;
  }

  /** The field manager of {@code apply} (and of {@code create}'s managedFields entry). */
  public Manifests fieldManager(String fieldManager) {
    if (fieldManager == null || fieldManager.isEmpty()) {
      throw new IllegalArgumentException("fieldManager may not be empty");
    }
    this.fieldManager = fieldManager;
    return this;
  }

  /** Whether {@code apply} takes over fields other managers own. */
  public Manifests force(boolean force) {
    this.force = force;
    return this;
  }

  /** Whether writes are made, checked by the server only, or not sent. */
  public Manifests dryRun(DryRun dryRun) {
    this.dryRun = Objects.requireNonNull(dryRun, "dryRun");
    return this;
  }

  /** A builder with this facade's namespace, selector, recursion and mapper, collecting every failure. */
  public ResourceBuilder builder() {
    ResourceBuilder b = ResourceBuilder.create(client).recursive(recursive).continueOnError();
    if (mapper != null) {
      b.mapper(mapper);
    }
    if (namespace != null) {
      b.namespace(namespace);
    }
    if (enforceNamespace) {
      b.enforceNamespace();
    }
    if (labelSelector != null) {
      b.labelSelector(labelSelector);
    }
    return b;
  }

  /** Creates the objects in {@code paths}. */
  public List<ManifestResult> create(Path... paths) {
    return create(builder().files(paths).build());
  }

  /** Applies the objects in {@code paths}. */
  public List<ManifestResult> apply(Path... paths) {
    return apply(builder().files(paths).build());
  }

  /** Creates {@code objects} (generated models, {@code GenericObject}s), each needing apiVersion and kind. */
  public List<ManifestResult> createObjects(Object... objects) {
    return create(builder().objects(objects).build());
  }

  /** Applies {@code objects} (generated models, {@code GenericObject}s), each needing apiVersion and kind. */
  public List<ManifestResult> applyObjects(Object... objects) {
    return apply(builder().objects(objects).build());
  }

  /** Creates the objects of {@code resources}, from any sources a {@link ResourceBuilder} takes. */
  public List<ManifestResult> create(ResourceResult resources) {
    return run(resources, "creating", this::createOne);
  }

  /** Applies the objects of {@code resources}, from any sources a {@link ResourceBuilder} takes. */
  public List<ManifestResult> apply(ResourceResult resources) {
    return run(resources, "applying", this::applyOne);
  }

  private ManifestResult createOne(ResourceInfo info) {
    GenericObject created = helper(info).create(info.namespace(), info.object());
    return success(info, created, ManifestResult.Outcome.CREATED);
  }

  private ManifestResult applyOne(ResourceInfo info) {
    if (info.name() == null) {
      throw new IllegalArgumentException(info.object().getMetadata().getGenerateName() != null
          ? "cannot use generate name with apply" : "the object has no metadata.name");
    }
    ResourceHelper helper = helper(info);
    GenericObject existing = null;
    try {
      existing = helper.withDryRun(DryRun.NONE).get(info.namespace(), info.name());
    } catch (KubeApiException e) {
      if (!e.isNotFound()) {
        throw e;
      }
    }
    GenericObject answer = helper.apply(info.namespace(), info.object(), force);
    if (existing == null) {
      return success(info, answer, ManifestResult.Outcome.CREATED);
    }
    if (dryRun == DryRun.CLIENT) {
      JsonNode merged = JsonPatches.merge(Json.mapper().valueToTree(existing), Json.mapper().valueToTree(answer));
      answer = Json.mapper().convertValue(merged, GenericObject.class);
    }
    return success(info, answer, sameContent(existing, answer) ? ManifestResult.Outcome.UNCHANGED
        : ManifestResult.Outcome.CONFIGURED);
  }

  private ResourceHelper helper(ResourceInfo info) {
    return info.helper().withFieldManager(fieldManager).withDryRun(dryRun);
  }

  private ManifestResult success(ResourceInfo info, GenericObject answer, ManifestResult.Outcome outcome) {
    String name = answer.getMetadata().getName();
    String display = name == null || name.isEmpty() ? info.displayName() : info.mapping().displayName(name);
    return new ManifestResult(info.source(), display, outcome, answer, null, dryRun);
  }

  /** Whether two versions of an object differ only in what the server keeps for itself. */
  static boolean sameContent(GenericObject before, GenericObject after) {
    return comparable(before).equals(comparable(after));
  }

  private static JsonNode comparable(GenericObject o) {
    ObjectNode tree = Json.mapper().valueToTree(o);
    ObjectNode meta = tree.withObjectProperty("metadata");
    meta.remove("managedFields");
    meta.remove("resourceVersion");
    return tree;
  }

  private List<ManifestResult> run(ResourceResult resources, String verb, Write write) {
    List<ManifestResult> results = new ArrayList<>();
    resources.visit(new ResourceVisitor() {
      @Override
      public void visit(ResourceInfo info) {
        try {
          results.add(write.apply(info));
        } catch (RuntimeException e) {
          ManifestException error = new ManifestException(info.source(), ManifestException.Stage.VISIT, info,
              "error when " + verb + " " + info.source().quoted() + ": " + ResourceHelper.describe(e), e);
          results.add(new ManifestResult(info.source(), info.displayName(), ManifestResult.Outcome.FAILED, null, error,
              dryRun));
        }
      }

      @Override
      public void visitError(ManifestException error) {
        String display = error.info() == null ? null : error.info().displayName();
        results.add(new ManifestResult(error.source(), display, ManifestResult.Outcome.FAILED, null, error, dryRun));
      }
    });
    return results;
  }

  @FunctionalInterface
  private interface Write {
    ManifestResult apply(ResourceInfo info);
  }
}
