package io.kubegen.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code v1} kubeconfig schema, checked as kubectl's decoder checks it: every field of every
 * entry, used or not, must have its type (a number where a string belongs fails the whole file),
 * {@code -data} fields must be base64, names must be unique per list; unknown fields are ignored
 * and field names are case-sensitive; {@code null} means unset. Semantic checks (a missing CA
 * file, two authentication methods) are not made here: kubectl makes them only for the context
 * in use, see {@link ContextRestConfigs}. Stateless and thread-safe.
 */
final class KubeConfigSchema {
  /** How Go's JSON decoder reads a field of this Go type. */
  enum Kind { STRING, BOOL, BYTES, STRINGS, STRING_MAP, STRINGS_MAP, OBJECT, LIST, ANY }

  record Field(String name, Kind kind, Struct struct) {
    static Field of(String name, Kind kind) { return new Field(name, kind, null); }
  }

  /** A Go struct: its fields by JSON name; {@code namedList} lists need unique {@code name}s. */
  record Struct(Map<String, Field> fields, boolean uniqueNames, boolean extension) {
    static Struct of(boolean uniqueNames, boolean extension, Field... fields) {
      Map<String, Field> map = new LinkedHashMap<>();
      for (Field f : fields) {
        map.put(f.name(), f);
      }
      return new Struct(map, uniqueNames, extension);
    }
  }

  static final Struct NAMED_EXTENSION = Struct.of(false, true,
      Field.of("name", Kind.STRING), Field.of("extension", Kind.ANY));
  private static final Field EXTENSIONS = new Field("extensions", Kind.LIST, NAMED_EXTENSION);
  static final Struct CLUSTER = Struct.of(false, false,
      Field.of("server", Kind.STRING), Field.of("tls-server-name", Kind.STRING),
      Field.of("insecure-skip-tls-verify", Kind.BOOL), Field.of("certificate-authority", Kind.STRING),
      Field.of("certificate-authority-data", Kind.BYTES), Field.of("proxy-url", Kind.STRING),
      Field.of("disable-compression", Kind.BOOL), EXTENSIONS);
  static final Struct AUTH_PROVIDER = Struct.of(false, false,
      Field.of("name", Kind.STRING), Field.of("config", Kind.STRING_MAP));
  static final Struct EXEC_ENV = Struct.of(false, false, Field.of("name", Kind.STRING), Field.of("value", Kind.STRING));
  static final Struct EXEC = Struct.of(false, false,
      Field.of("command", Kind.STRING), Field.of("args", Kind.STRINGS), new Field("env", Kind.LIST, EXEC_ENV),
      Field.of("apiVersion", Kind.STRING), Field.of("installHint", Kind.STRING),
      Field.of("provideClusterInfo", Kind.BOOL), Field.of("interactiveMode", Kind.STRING));
  static final Struct USER = Struct.of(false, false,
      Field.of("client-certificate", Kind.STRING), Field.of("client-certificate-data", Kind.BYTES),
      Field.of("client-key", Kind.STRING), Field.of("client-key-data", Kind.BYTES),
      Field.of("token", Kind.STRING), Field.of("tokenFile", Kind.STRING),
      Field.of("as", Kind.STRING), Field.of("as-uid", Kind.STRING), Field.of("as-groups", Kind.STRINGS),
      Field.of("as-user-extra", Kind.STRINGS_MAP), Field.of("username", Kind.STRING),
      Field.of("password", Kind.STRING), new Field("auth-provider", Kind.OBJECT, AUTH_PROVIDER),
      new Field("exec", Kind.OBJECT, EXEC), EXTENSIONS);
  static final Struct CONTEXT = Struct.of(false, false,
      Field.of("cluster", Kind.STRING), Field.of("user", Kind.STRING), Field.of("namespace", Kind.STRING), EXTENSIONS);
  static final Struct NAMED_CLUSTER = Struct.of(true, false,
      Field.of("name", Kind.STRING), new Field("cluster", Kind.OBJECT, CLUSTER));
  static final Struct NAMED_USER = Struct.of(true, false,
      Field.of("name", Kind.STRING), new Field("user", Kind.OBJECT, USER));
  static final Struct NAMED_CONTEXT = Struct.of(true, false,
      Field.of("name", Kind.STRING), new Field("context", Kind.OBJECT, CONTEXT));
  static final Struct PREFERENCES = Struct.of(false, false, Field.of("colors", Kind.BOOL), EXTENSIONS);
  static final Struct CONFIG = Struct.of(false, false,
      Field.of("kind", Kind.STRING), Field.of("apiVersion", Kind.STRING),
      new Field("preferences", Kind.OBJECT, PREFERENCES),
      new Field("clusters", Kind.LIST, NAMED_CLUSTER), new Field("users", Kind.LIST, NAMED_USER),
      new Field("contexts", Kind.LIST, NAMED_CONTEXT), Field.of("current-context", Kind.STRING), EXTENSIONS);

  private KubeConfigSchema() {}

  /**
   * Checks a whole kubeconfig document.
   *
   * @throws KubeConfigException naming the file and the first field that is wrong
   */
  static void check(JsonNode root, Path file) {
    if (!root.isObject()) {
      throw new KubeConfigException(file + ": not a kubeconfig: expected a mapping at the top level, found "
          + KubeConfigEntry.kind(root));
    }
    Checker checker = new Checker(file);
    checker.checkString(root.get("apiVersion"), "apiVersion");
    checker.checkString(root.get("kind"), "kind");
    String apiVersion = text(root.get("apiVersion"));
    String kind = text(root.get("kind"));
    if (!apiVersion.isEmpty() && !apiVersion.equals("v1")) {
      throw new KubeConfigException(file + ": apiVersion: \"" + apiVersion + "\" is not a kubeconfig version; use v1");
    }
    if (!kind.isEmpty() && !kind.equals("Config")) {
      throw new KubeConfigException(file + ": kind: \"" + kind + "\" is not a kubeconfig kind; use Config");
    }
    checker.object(root, CONFIG, "");
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? "" : node.asText();
  }

  /**
   * Decodes a {@code -data} field already checked by {@link #check}: a base64 string (line breaks
   * ignored, as Go does) or a list of byte values.
   */
  static Optional<byte[]> bytes(JsonNode value) {
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isArray()) {
      byte[] bytes = new byte[value.size()];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) value.get(i).asInt(0);
      }
      return bytes.length == 0 ? Optional.empty() : Optional.of(bytes);
    }
    byte[] decoded = goBase64(value.asText());
    return decoded == null || decoded.length == 0 ? Optional.empty() : Optional.of(decoded);
  }

  /** Go's {@code base64.StdEncoding.DecodeString} (CR and LF skipped, padding required); null when invalid. */
  static byte[] goBase64(String text) {
    String compact = text.replace("\r", "").replace("\n", "");
    if (compact.length() % 4 != 0) {
      return null;
    }
    int padding = compact.endsWith("==") ? 2 : compact.endsWith("=") ? 1 : 0;
    for (int i = 0; i < compact.length() - padding; i++) {
      char c = compact.charAt(i);
      boolean valid = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
      if (!valid) {
        return null;
      }
    }
    try {
      return Base64.getDecoder().decode(compact);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Walks the tree; the first type error ends the check. */
  private static final class Checker {
    private final Path file;

    Checker(Path file) {
      this.file = file;
    }

    private KubeConfigException error(String path, String problem) {
      return new KubeConfigException(file + ": " + path + ": " + problem);
    }

    private static String join(String path, String field) {
      return path.isEmpty() ? field : path + "." + field;
    }

    void object(JsonNode node, Struct struct, String path) {
      for (Field field : struct.fields().values()) {
        JsonNode value = node.get(field.name());
        if (value == null || value.isNull()) {
          continue;
        }
        value(value, field, join(path, field.name()));
      }
    }

    private void value(JsonNode value, Field field, String path) {
      switch (field.kind()) {
        case STRING -> checkString(value, path);
        case BOOL -> {
          if (!value.isBoolean()) {
            throw error(path, "expected true or false, found " + KubeConfigEntry.kind(value));
          }
        }
        case BYTES -> checkBytes(value, path);
        case STRINGS -> checkStrings(value, path);
        case STRING_MAP -> {
          requireObject(value, path);
          value.properties().forEach(e -> checkString(e.getValue(), path + "[" + e.getKey() + "]"));
        }
        case STRINGS_MAP -> {
          requireObject(value, path);
          value.properties().forEach(e -> checkStrings(e.getValue(), path + "[" + e.getKey() + "]"));
        }
        case OBJECT -> {
          requireObject(value, path);
          object(value, field.struct(), path);
        }
        case LIST -> list(value, field.struct(), path);
        case ANY -> { }
        default -> throw new IllegalStateException(field.kind().name());
      }
    }

    void checkString(JsonNode value, String path) {
      if (value != null && !value.isNull() && !value.isTextual()) {
        throw error(path, "expected a string, found " + KubeConfigEntry.kind(value));
      }
    }

    private void checkStrings(JsonNode value, String path) {
      if (value.isNull()) {
        return;
      }
      if (!value.isArray()) {
        throw error(path, "expected a list of strings, found " + KubeConfigEntry.kind(value));
      }
      for (int i = 0; i < value.size(); i++) {
        checkString(value.get(i), path + "[" + i + "]");
      }
    }

    private void checkBytes(JsonNode value, String path) {
      if (value.isTextual()) {
        if (goBase64(value.asText()) == null) {
          throw error(path, "not valid base64");
        }
        return;
      }
      if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          JsonNode b = value.get(i);
          if (!b.isNull() && !(b.isIntegralNumber() && b.canConvertToInt() && b.intValue() >= 0 && b.intValue() <= 255)) {
            throw error(path + "[" + i + "]", "expected a byte value (0 to 255), found " + KubeConfigEntry.kind(b));
          }
        }
        return;
      }
      throw error(path, "expected a base64 string, found " + KubeConfigEntry.kind(value));
    }

    private void requireObject(JsonNode value, String path) {
      if (!value.isObject()) {
        throw error(path, "expected a mapping, found " + KubeConfigEntry.kind(value));
      }
    }

    private void list(JsonNode value, Struct item, String path) {
      if (!value.isArray()) {
        throw error(path, "expected a list, found " + KubeConfigEntry.kind(value));
      }
      Map<String, Integer> names = new LinkedHashMap<>();
      Set<String> extensionsSet = new HashSet<>();
      for (int i = 0; i < value.size(); i++) {
        JsonNode element = value.get(i);
        String at = path + "[" + i + "]";
        if (element.isNull()) {
          element = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        requireObject(element, at);
        object(element, item, at);
        String name = text(element.get("name"));
        if (item.uniqueNames()) {
          Integer first = names.putIfAbsent(name, i);
          if (first != null) {
            throw error(at + ".name", "duplicate name \"" + name + "\" (first defined at " + path + "[" + first + "])");
          }
        } else if (item.extension()) {
          // kubectl keeps extensions in a map and refuses a name only once it holds a value
          if (extensionsSet.contains(name)) {
            throw error(at + ".name", "duplicate extension name \"" + name + "\"");
          }
          JsonNode extension = element.get("extension");
          if (extension != null && !extension.isNull()) {
            extensionsSet.add(name);
          }
        }
      }
    }
  }
}
