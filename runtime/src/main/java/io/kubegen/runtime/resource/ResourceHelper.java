package io.kubegen.runtime.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubegen.runtime.api.CreateOptions;
import io.kubegen.runtime.api.DeleteOptions;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.api.PatchOptions;
import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.api.UpdateOptions;
import io.kubegen.runtime.dynamic.GenericObject;
import io.kubegen.runtime.json.Json;
import io.kubegen.runtime.rest.KubeApiException;
import io.kubegen.runtime.rest.Request;
import io.kubegen.runtime.rest.RestClient;
import io.kubegen.runtime.testing.JsonPatches;
import java.util.Objects;

/**
 * The verbs for any resource given its {@link RestMapping}, as kubectl's {@code resource.Helper}:
 * get, list, create, replace, patch (JSON, merge, strategic merge), server-side apply and delete.
 * Objects may be {@link GenericObject}s or generated models; writes answer with the server's
 * object in the class of the object sent. A null {@code apiVersion} or {@code kind} is filled in
 * from the mapping, and the namespace comes from the argument, else the object
 * ({@code IllegalArgumentException} when a namespaced resource gets neither); cluster-scoped
 * resources ignore it. Failures are {@code KubeApiException}s carrying the server's Status.
 *
 * <pre>{@code
 * ResourceHelper helper = ResourceHelper.create(client, mapper.mapping(gvk)).withFieldManager("my-operator");
 * Foo applied = helper.apply("team-a", foo, true);
 * helper.withDryRun(DryRun.SERVER).delete("team-a", "x", DeleteOptions.builder().propagationPolicy("Foreground").build());
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return changed copies.
 */
public final class ResourceHelper {
  private final RestClient client;
  private final RestMapping mapping;
  private final String fieldManager;
  private final String fieldValidation;
  private final DryRun dryRun;

  private ResourceHelper(RestClient client, RestMapping mapping, String fieldManager, String fieldValidation,
      DryRun dryRun) {
    this.client = Objects.requireNonNull(client, "client");
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.fieldManager = fieldManager;
    this.fieldValidation = fieldValidation;
    this.dryRun = Objects.requireNonNull(dryRun, "dryRun");
  }

  /** A helper for {@code mapping}'s resource over {@code client}: no field manager, no dry run. */
  public static ResourceHelper create(RestClient client, RestMapping mapping) {
    return new ResourceHelper(client, mapping, null, null, DryRun.NONE);
  }

  /** This helper with writes recorded under {@code fieldManager} (required by {@link #apply}). */
  public ResourceHelper withFieldManager(String fieldManager) {
    return new ResourceHelper(client, mapping, fieldManager, fieldValidation, dryRun);
  }

  /** This helper asking the server for {@code Ignore}, {@code Warn} or {@code Strict} field validation. */
  public ResourceHelper withFieldValidation(String fieldValidation) {
    return new ResourceHelper(client, mapping, fieldManager, fieldValidation, dryRun);
  }

  /** This helper with writes made for real, checked by the server only, or not sent at all. */
  public ResourceHelper withDryRun(DryRun dryRun) {
    return new ResourceHelper(client, mapping, fieldManager, fieldValidation, dryRun);
  }

  /** The resource this helper serves. */
  public RestMapping mapping() { return mapping; }

  /** The field manager, or null. */
  public String fieldManager() { return fieldManager; }

  /** The dry-run mode. */
  public DryRun dryRun() { return dryRun; }

  /** The object {@code name}; a missing one is a {@code KubeApiException} with {@code isNotFound()}. */
  public GenericObject get(String namespace, String name) {
    return request(client.get(), namespaceFor(namespace, null)).name(name).execute(GenericObject.class);
  }

  /** The objects {@code options} selects, in {@code namespace} (null: every namespace). */
  public ObjectList<GenericObject> list(String namespace, ListOptions options) {
    String ns = mapping.namespaced() && namespace != null && !namespace.isEmpty() ? namespace : null;
    return client.get().resource(mapping.resource()).namespace(ns).options(options).executeList(GenericObject.class);
  }

  /** Creates {@code object} (POST); a {@code resourceVersion} in it is dropped, as kubectl drops it. */
  public <T extends KubernetesObject> T create(String namespace, T object) {
    String ns = namespaceFor(namespace, object);
    ObjectNode body = body(ns, object);
    body.withObjectProperty("metadata").remove("resourceVersion");
    if (dryRun == DryRun.CLIENT) {
      return decode(body, object);
    }
    CreateOptions options = CreateOptions.builder().dryRun(dryRun == DryRun.SERVER).fieldManager(fieldManager)
        .fieldValidation(fieldValidation).build();
    return request(client.post(), ns).options(options).body(body).execute(typeOf(object));
  }

  /**
   * Replaces the object named in {@code object} (PUT). With a {@code resourceVersion} the server
   * answers 409 Conflict if the object changed since; without one the replace is unconditional.
   */
  public <T extends KubernetesObject> T replace(String namespace, T object) {
    String ns = namespaceFor(namespace, object);
    ObjectNode body = body(ns, object);
    String name = nameOf(body);
    if (dryRun == DryRun.CLIENT) {
      return decode(body, object);
    }
    UpdateOptions options = UpdateOptions.builder().dryRun(dryRun == DryRun.SERVER).fieldManager(fieldManager)
        .fieldValidation(fieldValidation).build();
    return request(client.put(), ns).name(name).options(options).body(body).execute(typeOf(object));
  }

  /**
   * Patches {@code name} with {@code patch} of {@code type}: {@code JSON} (RFC 6902),
   * {@code MERGE} (RFC 7386) or {@code STRATEGIC_MERGE}; use {@link #apply} for server-side apply.
   * A client-side dry run reads the object and patches it locally (JSON and merge patches only).
   */
  public GenericObject patch(String namespace, String name, PatchType type, String patch) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(patch, "patch");
    if (type == PatchType.APPLY) {
      throw new IllegalArgumentException("use apply(...) for server-side apply");
    }
    String ns = namespaceFor(namespace, null);
    if (dryRun == DryRun.CLIENT) {
      return patchLocally(ns, name, type, patch);
    }
    PatchOptions options = PatchOptions.builder().dryRun(dryRun == DryRun.SERVER).fieldManager(fieldManager)
        .fieldValidation(fieldValidation).build();
    return request(client.patch(type), ns).name(name).options(options).body(patch).execute(GenericObject.class);
  }

  private GenericObject patchLocally(String ns, String name, PatchType type, String patch) {
    if (type == PatchType.STRATEGIC_MERGE) {
      throw new UnsupportedOperationException("a client-side dry run cannot compute a strategic merge patch; "
          + "use a server-side dry run");
    }
    JsonNode patchTree;
    try {
      patchTree = Json.mapper().readTree(patch);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("the patch is not JSON: " + e.getMessage(), e);
    }
    JsonNode current = Json.mapper().valueToTree(get(ns, name));
    JsonNode patched = type == PatchType.JSON ? JsonPatches.apply(current, patchTree) : JsonPatches.merge(current, patchTree);
    return Json.mapper().convertValue(patched, GenericObject.class);
  }

  /**
   * Server-side apply of {@code object} (PATCH {@code application/apply-patch+yaml}) under the
   * helper's field manager; {@code force} takes over fields other managers own.
   * {@code metadata.managedFields} is left out of the request, as the server refuses it there.
   *
   * @throws IllegalStateException without a field manager
   */
  public <T extends KubernetesObject> T apply(String namespace, T object, boolean force) {
    if (fieldManager == null || fieldManager.isEmpty()) {
      throw new IllegalStateException("server-side apply needs a field manager: withFieldManager(...)");
    }
    String ns = namespaceFor(namespace, object);
    ObjectNode body = body(ns, object);
    body.withObjectProperty("metadata").remove("managedFields");
    String name = nameOf(body);
    if (dryRun == DryRun.CLIENT) {
      return decode(body, object);
    }
    PatchOptions.Builder options = PatchOptions.builder().dryRun(dryRun == DryRun.SERVER).fieldManager(fieldManager)
        .fieldValidation(fieldValidation);
    if (force) {
      options.force(true);
    }
    return request(client.patch(PatchType.APPLY), ns).name(name).options(options.build()).body(body)
        .execute(typeOf(object));
  }

  /** Deletes {@code name} with the server's default propagation. See {@link #delete(String, String, DeleteOptions)}. */
  public GenericObject delete(String namespace, String name) {
    return delete(namespace, name, null);
  }

  /**
   * Deletes {@code name} with {@code options} (propagation policy, grace period, preconditions),
   * sent as the body. Answers with what the server answered: the object (marked for deletion, or
   * its last state) or a {@code Status}; a client-side dry run answers with the object as read.
   */
  public GenericObject delete(String namespace, String name, DeleteOptions options) {
    String ns = namespaceFor(namespace, null);
    if (dryRun == DryRun.CLIENT) {
      return get(ns, name);
    }
    DeleteOptions o = options == null ? DeleteOptions.none() : options;
    if (dryRun == DryRun.SERVER && !o.dryRun()) {
      o = DeleteOptions.builder().gracePeriodSeconds(o.gracePeriodSeconds()).propagationPolicy(o.propagationPolicy())
          .preconditions(o.preconditions()).dryRun(true).build();
    }
    return request(client.delete(), ns).name(name).body(o).execute(GenericObject.class);
  }

  private Request request(Request r, String ns) {
    return r.resource(mapping.resource()).namespace(ns);
  }

  /** The namespace to use: none for cluster-scoped resources, else the argument, else the object's. */
  private String namespaceFor(String namespace, KubernetesObject object) {
    if (!mapping.namespaced()) {
      return null;
    }
    if (namespace != null && !namespace.isEmpty()) {
      return namespace;
    }
    String own = object == null || object.getMetadata() == null ? null : object.getMetadata().getNamespace();
    if (own != null && !own.isEmpty()) {
      return own;
    }
    throw new IllegalArgumentException(mapping.resource().resource() + " are namespaced: give a namespace");
  }

  /** The JSON body of {@code object}: apiVersion and kind filled in and checked, the namespace set or removed. */
  private ObjectNode body(String ns, KubernetesObject object) {
    Objects.requireNonNull(object, "object");
    JsonNode tree = Json.mapper().valueToTree(object);
    if (!(tree instanceof ObjectNode body)) {
      throw new IllegalArgumentException("the object does not serialise as a JSON object: " + object.getClass().getName());
    }
    String apiVersion = mapping.kind().apiVersion();
    String kind = mapping.kind().kind();
    String givenApiVersion = body.path("apiVersion").asText("");
    String givenKind = body.path("kind").asText("");
    if (!givenApiVersion.isEmpty() && !givenApiVersion.equals(apiVersion) || !givenKind.isEmpty() && !givenKind.equals(kind)) {
      throw new IllegalArgumentException("the object is a " + givenApiVersion + " " + givenKind
          + " but this helper writes " + apiVersion + " " + kind);
    }
    body.put("apiVersion", apiVersion);
    body.put("kind", kind);
    ObjectNode meta = body.withObjectProperty("metadata");
    if (ns == null) {
      meta.remove("namespace");
    } else {
      meta.put("namespace", ns);
    }
    return body;
  }

  private static String nameOf(ObjectNode body) {
    String name = body.path("metadata").path("name").asText("");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("the object has no metadata.name");
    }
    return name;
  }

  @SuppressWarnings("unchecked")
  private static <T> Class<T> typeOf(T object) {
    return (Class<T>) object.getClass();
  }

  private static <T> T decode(ObjectNode body, T like) {
    return Json.mapper().convertValue(body, typeOf(like));
  }

  /** A failure as messages quote it: the server's Status message for API errors, else the exception's message. */
  static String describe(Throwable e) {
    if (e instanceof KubeApiException api) {
      String message = api.status().getMessage();
      if (message != null && !message.isBlank()) {
        return message;
      }
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  @Override
  public String toString() {
    return "ResourceHelper{" + mapping.resource() + (dryRun == DryRun.NONE ? "" : ", dryRun=" + dryRun)
        + (fieldManager == null ? "" : ", fieldManager=" + fieldManager) + "}";
  }
}
