package io.kubegen.runtime.resource;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.kubegen.runtime.json.Json;
import java.io.IOException;
import java.util.function.BiConsumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Splits the text of one manifest source into documents and parses each, as kubectl's stream
 * decoder does. Text whose first non-blank character is <code>{</code> is a stream of JSON values;
 * anything else is YAML split at separator lines: a line that starts with {@code ---} followed by
 * nothing but blanks or a comment (any other text after {@code ---} is a parse error). Each YAML
 * document is read with YAML 1.1 rules, as kubectl reads them ({@code yes} is true, {@code 0777}
 * is octal, anchors, aliases and {@code <<} merge keys work); timestamps stay strings; a key
 * repeated in one mapping is an error (kubectl keeps the last one silently).
 *
 * <p>Stateless and thread-safe.
 */
final class ManifestDocuments {
  private static final int MAX_DOCUMENT_CHARS = 64 * 1024 * 1024;
  private static final int MAX_NESTING = 1000;

  private ManifestDocuments() {}

  /**
   * Hands every document of {@code text} to {@code sink}, in order, with its source; empty
   * documents (blank, comments only, {@code null}) are counted but not handed on.
   *
   * @throws ManifestException with {@link ManifestException.Stage#PARSE} at the first document that
   *     cannot be parsed; the documents before it have been handed on, the ones after it are not read
   */
  static void read(String location, String text, BiConsumer<ManifestSource, JsonNode> sink) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (body.stripLeading().startsWith("{")) {
      readJson(location, body, sink);
    } else {
      readYaml(location, body, sink);
    }
  }

  private static void readJson(String location, String text, BiConsumer<ManifestSource, JsonNode> sink) {
    MappingIterator<JsonNode> values;
    try {
      values = Json.mapper().readerFor(JsonNode.class).with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readValues(text);
    } catch (IOException e) {
      throw jsonError(location, 1, e);
    }
    try (values) {
      for (int document = 1; ; document++) {
        JsonNode node;
        try {
          if (!values.hasNextValue()) {
            return;
          }
          node = values.nextValue();
        } catch (IOException e) {
          throw jsonError(location, document, e);
        }
        if (!isEmpty(node)) {
          sink.accept(new ManifestSource(location, document), node);
        }
      }
    } catch (IOException e) {
      // closing a parser over a string does not fail
      throw new IllegalStateException(e);
    }
  }

  private static ManifestException jsonError(String location, int document, IOException e) {
    if (e instanceof JsonProcessingException j) {
      String line = j.getLocation() == null ? "" : "line " + j.getLocation().getLineNr() + ": ";
      return parseError(location, document, "json: " + line + j.getOriginalMessage(), e);
    }
    return parseError(location, document, e.getMessage(), e);
  }

  private static void readYaml(String location, String text, BiConsumer<ManifestSource, JsonNode> sink) {
    int document = 0;
    StringBuilder buffer = new StringBuilder();
    int start = 0;
    while (start < text.length()) {
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline + 1;
      String line = text.substring(start, end);
      start = end;
      if (line.startsWith("---")) {
        String rest = line.substring(3).strip();
        if (!rest.isEmpty() && rest.charAt(0) != '#') {
          throw parseError(location, document + 1, "invalid YAML document separator: " + rest, null);
        }
        if (buffer.length() > 0) {
          document++;
          emit(location, document, buffer.toString(), sink);
          buffer.setLength(0);
        }
        continue;
      }
      buffer.append(line);
    }
    if (buffer.length() > 0) {
      document++;
      emit(location, document, buffer.toString(), sink);
    }
  }

  private static void emit(String location, int document, String yaml, BiConsumer<ManifestSource, JsonNode> sink) {
    JsonNode node = parseYaml(location, document, yaml);
    if (!isEmpty(node)) {
      sink.accept(new ManifestSource(location, document), node);
    }
  }

  private static JsonNode parseYaml(String location, int document, String yaml) {
    Object value;
    try {
      value = newYaml().load(yaml);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ": ";
      throw parseError(location, document, "yaml: " + where + e.getProblem(), e);
    } catch (YAMLException e) {
      throw parseError(location, document, "yaml: " + e.getMessage(), e);
    }
    try {
      return Json.mapper().valueToTree(value);
    } catch (IllegalArgumentException e) {
      throw parseError(location, document, "cannot convert YAML to JSON: " + e.getMessage(), e);
    }
  }

  /** A new parser: SnakeYAML's {@code Yaml} is not thread-safe. */
  private static Yaml newYaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setCodePointLimit(MAX_DOCUMENT_CHARS);
    options.setNestingDepthLimit(MAX_NESTING);
    return new Yaml(new JsonCompatibleConstructor(options));
  }

  private static boolean isEmpty(JsonNode node) {
    return node == null || node.isMissingNode() || node.isNull();
  }

  private static ManifestException parseError(String location, int document, String detail, Throwable cause) {
    ManifestSource source = new ManifestSource(location, Math.max(1, document));
    return new ManifestException(source, ManifestException.Stage.PARSE, null,
        "error parsing " + source + ": " + detail, cause);
  }

  /** SnakeYAML's safe constructor with timestamps kept as the strings they are written as. */
  private static final class JsonCompatibleConstructor extends SafeConstructor {
    JsonCompatibleConstructor(LoaderOptions options) {
      super(options);
      this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
      this.yamlConstructors.put(Tag.BINARY, new ConstructYamlStr());
    }
  }
}
