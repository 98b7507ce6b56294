package io.kubegen.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubegen.apiserver.ResourceDefinition;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Minimal OpenAPI v3 documents: the {@code /openapi/v3} index and one document per group
 * version listing every path with its operations, the {@code x-kubernetes-group-version-kind}
 * extension and the {@code fieldValidation} query parameter on PATCH. That is what kubectl
 * reads to decide that the server validates fields itself, so it skips client-side schema
 * validation. Resources from a CustomResourceDefinition publish their schema with its
 * descriptions (what {@code kubectl explain} shows); others are open objects. Stateless.
 */
final class OpenApi {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final ResourceRegistry registry;

  OpenApi(ResourceRegistry registry) { this.registry = registry; }

  ObjectNode index() {
    ObjectNode root = F.objectNode();
    ObjectNode paths = root.putObject("paths");
    registry.groups().forEach((group, versions) -> {
      for (String v : versions) {
        String path = group.isEmpty() ? "api/" + v : "apis/" + group + "/" + v;
        paths.putObject(path).put("serverRelativeURL", "/openapi/v3/" + path + "?hash=" + hash(groupVersion(group, v)));
      }
    });
    return root;
  }

  private static String hash(ObjectNode doc) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(doc.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).toUpperCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Media type of the protobuf form of the OpenAPI v2 document, which kubectl asks for. */
  static final String V2_PROTOBUF = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

  /**
   * An OpenAPI v2 document with no definitions, as JSON: kubectl falls back to v2 when v3 does
   * not cover a kind (a {@code List} file), and skips client-side validation of kinds the
   * document does not describe.
   */
  static ObjectNode v2() {
    ObjectNode doc = F.objectNode();
    doc.put("swagger", "2.0");
    doc.putObject("info").put("title", "Kubernetes").put("version", Discovery.KUBERNETES_VERSION);
    doc.putObject("paths");
    doc.putObject("definitions");
    return doc;
  }

  /** {@link #v2()} in gnostic's protobuf encoding (swagger = 1, info = 2 {title = 1, version = 2}, paths = 8, definitions = 9). */
  static byte[] v2Protobuf() {
    ByteArrayOutputStream info = new ByteArrayOutputStream();
    field(info, 1, "Kubernetes".getBytes(StandardCharsets.UTF_8));
    field(info, 2, Discovery.KUBERNETES_VERSION.getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream doc = new ByteArrayOutputStream();
    field(doc, 1, "2.0".getBytes(StandardCharsets.UTF_8));
    field(doc, 2, info.toByteArray());
    field(doc, 8, new byte[0]);
    field(doc, 9, new byte[0]);
    return doc.toByteArray();
  }

  private static void field(ByteArrayOutputStream out, int number, byte[] value) {
    out.write(number << 3 | 2);
    int length = value.length;
    while (length >= 0x80) {
      out.write(length & 0x7f | 0x80);
      length >>>= 7;
    }
    out.write(length);
    out.writeBytes(value);
  }

  /** The document of one group version, or null when nothing is served there. */
  ObjectNode groupVersion(String group, String version) {
    List<ResourceDefinition> defs = registry.inGroupVersion(group, version);
    if (defs.isEmpty()) {
      return null;
    }
    ObjectNode doc = F.objectNode();
    doc.put("openapi", "3.0.0");
    doc.putObject("info").put("title", "Kubernetes").put("version", Discovery.KUBERNETES_VERSION);
    ObjectNode paths = doc.putObject("paths");
    ObjectNode schemas = doc.putObject("components").putObject("schemas");
    for (ResourceDefinition d : defs) {
      String schemaName = schemaName(d);
      StructuralSchema structural = registry.schema(d);
      ObjectNode schema = structural != null ? published(structural) : F.objectNode();
      schemas.set(schemaName, schema);
      if (structural == null) {
        schema.put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);
      }
      gvk(schema.putArray("x-kubernetes-group-version-kind"), d);
      ObjectNode list = schemas.putObject(schemaName + "List");
      list.put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);
      String base = (d.group().isEmpty() ? "/api/" : "/apis/" + d.group() + "/") + d.version()
          + (d.namespaced() ? "/namespaces/{namespace}/" : "/") + d.plural();
      ObjectNode collection = paths.putObject(base);
      operation(collection, "get", d, "list" + d.kind(), schemaName + "List", false);
      operation(collection, "post", d, "create" + d.kind(), schemaName, false);
      operation(collection, "delete", d, "deletecollection" + d.kind(), schemaName + "List", false);
      ObjectNode item = paths.putObject(base + "/{name}");
      operation(item, "get", d, "read" + d.kind(), schemaName, false);
      operation(item, "put", d, "replace" + d.kind(), schemaName, false);
      operation(item, "patch", d, "patch" + d.kind(), schemaName, true);
      operation(item, "delete", d, "delete" + d.kind(), schemaName, false);
      if (d.hasStatusSubresource()) {
        ObjectNode status = paths.putObject(base + "/{name}/status");
        operation(status, "get", d, "read" + d.kind() + "Status", schemaName, false);
        operation(status, "put", d, "replace" + d.kind() + "Status", schemaName, false);
        operation(status, "patch", d, "patch" + d.kind() + "Status", schemaName, true);
      }
    }
    return doc;
  }

  /**
   * A CRD version's schema as kube-apiserver publishes it: the schema with its descriptions, and
   * {@code apiVersion}, {@code kind} and {@code metadata} described where the CRD leaves them out.
   */
  private static ObjectNode published(StructuralSchema structural) {
    ObjectNode schema = structural.root().deepCopy();
    ObjectNode properties = schema.withObjectProperty("properties");
    ObjectNode typeMeta = F.objectNode();
    typeMeta.putObject("apiVersion").put("type", "string").put("description", "APIVersion defines the versioned schema of "
        + "this representation of an object. Servers should convert recognized schemas to the latest internal value, "
        + "and may reject unrecognized values.");
    typeMeta.putObject("kind").put("type", "string").put("description", "Kind is a string value representing the REST "
        + "resource this object represents. Servers may infer this from the endpoint the client submits requests to. "
        + "Cannot be updated. In CamelCase.");
    typeMeta.putObject("metadata").put("type", "object").put("description", "Standard object's metadata.");
    ObjectNode ordered = F.objectNode();
    typeMeta.properties().forEach(e -> {
      JsonNode own = properties.get(e.getKey());
      ordered.set(e.getKey(), own != null && own.has("description") ? own : e.getValue());
    });
    properties.properties().forEach(e -> {
      if (!ordered.has(e.getKey())) {
        ordered.set(e.getKey(), e.getValue());
      }
    });
    schema.set("properties", ordered);
    return schema;
  }

  private static String schemaName(ResourceDefinition d) {
    String group = d.group().isEmpty() ? "core" : d.group();
    return "io.kubegen." + group + "." + d.version() + "." + d.kind();
  }

  private static void gvk(ArrayNode array, ResourceDefinition d) {
    array.addObject().put("group", d.group()).put("version", d.version()).put("kind", d.kind());
  }

  private static void operation(ObjectNode path, String method, ResourceDefinition d, String id, String schema,
      boolean patch) {
    ObjectNode op = path.putObject(method);
    op.put("operationId", id);
    op.putObject("x-kubernetes-group-version-kind").put("group", d.group()).put("version", d.version()).put("kind", d.kind());
    ArrayNode params = op.putArray("parameters");
    if (patch || method.equals("put") || method.equals("post")) {
      params.addObject().put("name", "fieldValidation").put("in", "query")
          .put("description", "Ignore, Warn (the default) or Strict: what to do with fields the schema does not know")
          .putObject("schema").put("type", "string").put("uniqueItems", true);
      params.addObject().put("name", "fieldManager").put("in", "query").putObject("schema").put("type", "string");
      params.addObject().put("name", "dryRun").put("in", "query").putObject("schema").put("type", "string");
    }
    if (patch) {
      params.addObject().put("name", "force").put("in", "query").putObject("schema").put("type", "boolean");
    }
    op.putObject("responses").putObject("200").put("description", "OK").putObject("content")
        .putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/" + schema);
  }
}
