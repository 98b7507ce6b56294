package io.kubegen.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubegen.apiserver.ResourceDefinition;
import io.kubegen.apiserver.storage.Storage;
import io.kubegen.apiserver.storage.StorageException;
import io.kubegen.apiserver.storage.StoredObject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write semantics of the API server over a {@link Storage}: metadata the server owns
 * (uid, creationTimestamp, generation, resourceVersion), generateName, status subresources,
 * optimistic concurrency, finalizers and deletion, dry-run, and the side effects of creating
 * and deleting CustomResourceDefinitions and namespaces.
 *
 * <p>Thread-safe. Read-modify-write operations without a client precondition retry on a
 * concurrent change; with one they answer 409 Conflict.
 */
public final class ResourceOperations {
  private static final Logger LOG = LoggerFactory.getLogger(ResourceOperations.class);
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final String NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";
  private static final int MAX_ATTEMPTS = 64;

  private final Storage storage;
  private final ResourceRegistry registry;
  private final SecureRandom random = new SecureRandom();

  /** Operations over {@code storage} for the resources in {@code registry}. */
  public ResourceOperations(Storage storage, ResourceRegistry registry) {
    this.storage = storage;
    this.registry = registry;
  }

  /** The storage key of a resource's objects: shared by all its versions. */
  public static String storageKey(ResourceDefinition def) { return def.groupResource(); }

  /** The current object, or 404. */
  public StoredObject get(ResourceDefinition def, String namespace, String name) {
    StoredObject o = storage.get(storageKey(def), namespace, name);
    if (o == null) {
      throw ApiException.notFound(def, name);
    }
    return o;
  }

  /** Creates an object (POST on the collection), dropping unknown fields silently. */
  public StoredObject create(ResourceDefinition def, String namespace, ObjectNode object, boolean dryRun) {
    return create(def, namespace, object, dryRun, UnknownFields.ignore());
  }

  /** Creates an object (POST on the collection), reporting the unknown fields it drops to {@code unknown}. */
  StoredObject create(ResourceDefinition def, String namespace, ObjectNode object, boolean dryRun,
      UnknownFields unknown) {
    checkTypeAndNamespace(def, namespace, object, null);
    StructuralSchema schema = registry.schema(def);
    if (schema != null) {
      pruneAndDefault(def, schema, object, unknown);
    }
    ObjectNode meta = object.withObjectProperty("metadata");
    String name = Meta.text(meta, "name");
    String generateName = Meta.text(meta, "generateName");
    if ((name == null || name.isEmpty()) && (generateName == null || generateName.isEmpty())) {
      throw ApiException.invalid(def, null, "metadata.name", "FieldValueRequired", "Required value: name or generateName is required");
    }
    if (def.namespaced()) {
      requireNamespace(namespace);
    }
    meta.put("uid", randomUid());
    meta.put("creationTimestamp", Meta.now());
    meta.put("generation", 1);
    meta.remove("resourceVersion");
    meta.remove("deletionTimestamp");
    meta.remove("deletionGracePeriodSeconds");
    if (def.hasStatusSubresource()) {
      object.remove("status");
    }
    defaultsOnCreate(def, object);
    if (schema != null) {
      validate(def, schema, name, object);
    }
    boolean generated = name == null || name.isEmpty();
    for (int attempt = 0; ; attempt++) {
      if (generated) {
        name = generateName + randomSuffix();
        meta.put("name", name);
      }
      validateName(def, name);
      if (def.equals(CustomResourceDefinitions.DEFINITION)) {
        CustomResourceDefinitions.definitions(object);
        CustomResourceDefinitions.markEstablished(object);
      }
      if (dryRun) {
        if (storage.get(storageKey(def), namespace(def, namespace), name) != null) {
          throw ApiException.alreadyExists(def, name);
        }
        return new StoredObject(namespace(def, namespace), name, 0, object);
      }
      try {
        StoredObject stored = storage.create(storageKey(def), namespace(def, namespace), name, object);
        afterCreate(def, stored);
        return stored;
      } catch (StorageException e) {
        rethrowUnavailable(e);
        if (!generated || attempt >= 8) {
          throw ApiException.alreadyExists(def, name);
        }
      }
    }
  }

  /** A version 4 UUID from a fast, non-cryptographic source: uids need uniqueness, not secrecy. */
  private static String randomUid() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long most = r.nextLong() & 0xffffffffffff0fffL | 0x0000000000004000L;
    long least = r.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L;
    return new UUID(most, least).toString();
  }

  private String randomSuffix() {
    char[] c = new char[5];
    for (int i = 0; i < c.length; i++) {
      c[i] = NAME_CHARS.charAt(random.nextInt(NAME_CHARS.length()));
    }
    return new String(c);
  }

  private static void validateName(ResourceDefinition def, String name) {
    if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
      throw ApiException.invalid(def, name, "metadata.name", "FieldValueInvalid",
          "Invalid value: \"" + name + "\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
              + "characters, '-' or '.', and must start and end with an alphanumeric character");
    }
  }

  private static String namespace(ResourceDefinition def, String namespace) {
    return def.namespaced() ? namespace : null;
  }

  private void requireNamespace(String namespace) {
    if (storage.get(storageKey(BuiltInResources.NAMESPACES), null, namespace) == null) {
      throw ApiException.namespaceNotFound(namespace);
    }
  }

  private static void defaultsOnCreate(ResourceDefinition def, ObjectNode object) {
    if (def.equals(BuiltInResources.NAMESPACES)) {
      object.withObjectProperty("status").put("phase", "Active");
    } else if (def.equals(BuiltInResources.PODS)) {
      object.withObjectProperty("status").put("phase", "Pending");
    }
  }

  /** Checks kind, apiVersion and namespace of a request body against the URL, and fills them in. */
  private static void checkTypeAndNamespace(ResourceDefinition def, String namespace, ObjectNode object, String urlName) {
    String kind = Meta.text(object, "kind");
    if (kind != null && !kind.isEmpty() && !kind.equals(def.kind())) {
      throw ApiException.badRequest("the kind in the data (" + kind + ") does not match the expected kind (" + def.kind() + ")");
    }
    String apiVersion = Meta.text(object, "apiVersion");
    if (apiVersion != null && !apiVersion.isEmpty() && !apiVersion.equals(def.apiVersion())) {
      throw ApiException.badRequest("the API version in the data (" + apiVersion
          + ") does not match the expected API version (" + def.apiVersion() + ")");
    }
    object.put("apiVersion", def.apiVersion());
    object.put("kind", def.kind());
    JsonNode metaNode = object.get("metadata");
    if (metaNode != null && !metaNode.isObject()) {
      throw ApiException.badRequest("metadata must be an object");
    }
    ObjectNode meta = object.withObjectProperty("metadata");
    String bodyNamespace = Meta.text(meta, "namespace");
    if (def.namespaced()) {
      if (bodyNamespace != null && !bodyNamespace.isEmpty() && !bodyNamespace.equals(namespace)) {
        throw ApiException.invalid(def, Meta.text(meta, "name"), "metadata.namespace", "FieldValueInvalid",
            "Invalid value: \"" + bodyNamespace + "\": the namespace of the provided object does not match the namespace "
                + "sent on the request (\"" + namespace + "\")");
      }
      meta.put("namespace", namespace);
    } else {
      meta.remove("namespace");
    }
    if (urlName != null) {
      String bodyName = Meta.text(meta, "name");
      if (bodyName != null && !bodyName.isEmpty() && !bodyName.equals(urlName)) {
        throw ApiException.badRequest("the name of the object (" + bodyName + ") does not match the name on the URL ("
            + urlName + ")");
      }
      meta.put("name", urlName);
    }
    JsonNode labels = meta.get("labels");
    if (labels != null && !labels.isNull()) {
      boolean ok = labels.isObject();
      if (ok) {
        for (JsonNode v : labels) {
          ok &= v.isTextual();
        }
      }
      if (!ok) {
        throw ApiException.invalid(def, Meta.text(meta, "name"), "metadata.labels", "FieldValueInvalid",
            "Invalid value: labels must map strings to strings");
      }
    }
  }

  /** Replaces an object (PUT), or only its status when {@code statusOnly}. */
  public StoredObject update(ResourceDefinition def, String namespace, String name, ObjectNode object,
      boolean statusOnly, boolean dryRun) {
    return update(def, namespace, name, object, statusOnly, dryRun, UnknownFields.ignore());
  }

  StoredObject update(ResourceDefinition def, String namespace, String name, ObjectNode object,
      boolean statusOnly, boolean dryRun, UnknownFields unknown) {
    checkTypeAndNamespace(def, namespace, object, name);
    return change(def, namespace, name, current -> object, statusOnly, dryRun, unknown);
  }

  /** Prunes unknown fields (reporting them) and fills in defaults, by the version's schema. */
  private static void pruneAndDefault(ResourceDefinition def, StructuralSchema schema, ObjectNode object,
      UnknownFields unknown) {
    unknown.dropped(def, Pruner.prune(schema.root(), object));
    Defaulter.apply(schema.root(), object);
  }

  /** Answers 422 Invalid with every error when {@code object} does not match the schema. */
  private static void validate(ResourceDefinition def, StructuralSchema schema, String name, ObjectNode object) {
    List<FieldError> errors = SchemaValidator.validate(schema.root(), object);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(def, name, errors);
    }
  }

  /**
   * Applies {@code change} to a private copy of the current object and stores the outcome,
   * keeping what the server owns. A resourceVersion in the outcome that is not the current
   * one answers 409; without one, a concurrent write makes it try again on the new state.
   */
  public StoredObject change(ResourceDefinition def, String namespace, String name,
      UnaryOperator<ObjectNode> change, boolean statusOnly, boolean dryRun) {
    return change(def, namespace, name, change, statusOnly, dryRun, UnknownFields.ignore());
  }

  /** {@link #change(ResourceDefinition, String, String, UnaryOperator, boolean, boolean)}, reporting unknown fields. */
  StoredObject change(ResourceDefinition def, String namespace, String name,
      UnaryOperator<ObjectNode> change, boolean statusOnly, boolean dryRun, UnknownFields unknown) {
    String ns = namespace(def, namespace);
    StructuralSchema schema = registry.schema(def);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      StoredObject current = get(def, ns, name);
      ObjectNode desired = change.apply(current.copy());
      if (schema != null) {
        pruneAndDefault(def, schema, desired, unknown);
      }
      String rv = Meta.text(desired.path("metadata"), "resourceVersion");
      boolean precondition = rv != null && !rv.isEmpty();
      if (precondition && !rv.equals(Long.toString(current.revision()))) {
        parseResourceVersion(rv);
        throw ApiException.staleResourceVersion(def, name);
      }
      ObjectNode next = merge(def, current.object(), desired, statusOnly);
      if (next == null) {
        return current;
      }
      if (schema != null) {
        validate(def, schema, name, next);
      }
      if (def.equals(CustomResourceDefinitions.DEFINITION) && !statusOnly) {
        CustomResourceDefinitions.definitions(next);
      }
      if (dryRun) {
        return new StoredObject(ns, name, current.revision(), next);
      }
      try {
        if (Meta.isDeleting(next) && !Meta.hasFinalizers(next)) {
          StoredObject gone = storage.delete(storageKey(def), ns, name, current.revision());
          afterDelete(def, gone);
          return gone;
        }
        StoredObject stored = storage.update(storageKey(def), ns, name, current.revision(), next);
        afterUpdate(def, stored);
        return stored;
      } catch (StorageException e) {
        rethrowUnavailable(e);
        if (e.reason() == StorageException.Reason.NOT_FOUND) {
          throw ApiException.notFound(def, name);
        }
        // Someone wrote in between: apply the change again to the new state. A change that
        // names a resourceVersion fails the precondition check above on the next attempt.
      }
    }
    throw ApiException.conflict(def, name, "too many concurrent changes, try again");
  }

  /** A storage that cannot be reached is not a conflict to retry: let the handler answer 503. */
  private static void rethrowUnavailable(StorageException e) {
    if (e.reason() == StorageException.Reason.UNAVAILABLE) {
      throw e;
    }
  }

  static long parseResourceVersion(String rv) {
    try {
      long v = Long.parseLong(rv);
      if (v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("invalid resource version \"" + rv + "\": expected a non-negative integer");
    }
  }

  /**
   * The object to store after a write of {@code desired} over {@code current}, or null when
   * nothing would change.
   */
  private static ObjectNode merge(ResourceDefinition def, ObjectNode current, ObjectNode desired, boolean statusOnly) {
    ObjectNode next;
    if (statusOnly) {
      next = current.deepCopy();
      JsonNode status = desired.get("status");
      if (status == null) {
        next.remove("status");
      } else {
        next.set("status", status);
      }
    } else {
      next = desired;
      next.put("apiVersion", def.apiVersion());
      next.put("kind", def.kind());
      if (def.hasStatusSubresource()) {
        JsonNode status = current.get("status");
        if (status == null) {
          next.remove("status");
        } else {
          next.set("status", status.deepCopy());
        }
      }
      ObjectNode meta = next.withObjectProperty("metadata");
      ObjectNode old = (ObjectNode) current.get("metadata");
      for (String owned : List.of("uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
          "namespace", "name", "generation")) {
        JsonNode v = old.get(owned);
        if (v == null) {
          meta.remove(owned);
        } else {
          meta.set(owned, v);
        }
      }
      if (!Meta.specPart(current).equals(Meta.specPart(next))) {
        meta.put("generation", old.path("generation").asLong(1) + 1);
      }
    }
    next.withObjectProperty("metadata").put("resourceVersion", Meta.text(current.path("metadata"), "resourceVersion"));
    return next.equals(current) ? null : next;
  }

  /** Deletes an object, or marks it deleting while finalizers remain. */
  public StoredObject delete(ResourceDefinition def, String namespace, String name, String uidPrecondition,
      String rvPrecondition, boolean dryRun) {
    String ns = namespace(def, namespace);
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      StoredObject current = get(def, ns, name);
      String uid = Meta.text(current.object().path("metadata"), "uid");
      if (uidPrecondition != null && !uidPrecondition.equals(uid)) {
        throw ApiException.conflict(def, name, "Precondition failed: UID in precondition: " + uidPrecondition
            + ", UID in object meta: " + uid);
      }
      if (rvPrecondition != null && !rvPrecondition.equals(Long.toString(current.revision()))) {
        throw ApiException.conflict(def, name, "Precondition failed: ResourceVersion in precondition: "
            + rvPrecondition + ", ResourceVersion in object meta: " + current.revision());
      }
      boolean finalizing = Meta.hasFinalizers(current.object());
      if (finalizing && Meta.isDeleting(current.object())) {
        return current;
      }
      if (dryRun) {
        // answer as a real delete would: the object marked for deletion, or its last state
        return finalizing ? new StoredObject(ns, name, current.revision(), markDeleting(current)) : current;
      }
      try {
        if (finalizing) {
          return storage.update(storageKey(def), ns, name, current.revision(), markDeleting(current));
        }
        StoredObject gone = storage.delete(storageKey(def), ns, name, current.revision());
        afterDelete(def, gone);
        return gone;
      } catch (StorageException e) {
        rethrowUnavailable(e);
        if (e.reason() == StorageException.Reason.NOT_FOUND) {
          throw ApiException.notFound(def, name);
        }
      }
    }
    throw ApiException.conflict(def, name, "too many concurrent changes, try again");
  }

  private static ObjectNode markDeleting(StoredObject current) {
    ObjectNode next = current.copy();
    ObjectNode meta = next.withObjectProperty("metadata");
    meta.put("deletionTimestamp", Meta.now());
    meta.put("deletionGracePeriodSeconds", 0);
    meta.put("generation", meta.path("generation").asLong(1) + 1);
    return next;
  }

  private void afterCreate(ResourceDefinition def, StoredObject stored) {
    if (def.equals(CustomResourceDefinitions.DEFINITION)) {
      CustomResourceDefinitions.served(stored.object()).forEach(v -> registry.register(v.definition(), v.schema()));
    }
  }

  private void afterUpdate(ResourceDefinition def, StoredObject stored) {
    if (def.equals(CustomResourceDefinitions.DEFINITION)) {
      afterCreate(def, stored);
    }
  }

  private void afterDelete(ResourceDefinition def, StoredObject gone) {
    if (def.equals(CustomResourceDefinitions.DEFINITION)) {
      JsonNode spec = gone.object().path("spec");
      String group = Meta.text(spec, "group");
      String plural = Meta.text(spec.path("names"), "plural");
      ResourceDefinition served = registry.findAnyVersion(group, plural);
      registry.unregister(group, plural);
      if (served != null) {
        deleteAll(served, null);
      }
    } else if (def.equals(BuiltInResources.NAMESPACES)) {
      for (ResourceDefinition r : distinctResources()) {
        if (r.namespaced()) {
          deleteAll(r, gone.name());
        }
      }
    }
  }

  private List<ResourceDefinition> distinctResources() {
    List<ResourceDefinition> out = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (ResourceDefinition r : registry.all()) {
      if (!seen.contains(storageKey(r))) {
        seen.add(storageKey(r));
        out.add(r);
      }
    }
    return out;
  }

  /** Removes every object of a resource (in one namespace, or all), finalizers or not. */
  private void deleteAll(ResourceDefinition def, String namespace) {
    for (StoredObject o : storage.list(storageKey(def), namespace, 0, null, 0, x -> true).items()) {
      try {
        storage.delete(storageKey(def), o.namespace(), o.name(), 0);
      } catch (StorageException e) {
        rethrowUnavailable(e);
        LOG.debug("{} {} vanished while its owner was deleted", def.groupResource(), o.key());
      }
    }
  }
}
