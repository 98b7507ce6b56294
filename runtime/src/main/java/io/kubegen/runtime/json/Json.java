package io.kubegen.runtime.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * The one configured Jackson mapper of kubegen: unknown properties ignored, nulls left out,
 * {@code java.time} values written as RFC 3339 strings, records supported. Decoded objects are
 * compact: {@code apiVersion} and {@code kind} strings are shared
 * instances, string maps are sized for their entries. The mappers are thread-safe and shared; do
 * not reconfigure them.
 */
public final class Json {
  private static final ObjectMapper MAPPER = configure(JsonMapper.builder().build());
  private static final ObjectMapper YAML = configure(YAMLMapper.builder(new YAMLFactory()).build());

  private Json() {}

  private static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .registerModule(new JavaTimeModule())
        .registerModule(new CompactModelModule())
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
        .configure(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, false)
        .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
        .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
        .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS));
  }

  /** The shared JSON mapper. */
  public static ObjectMapper mapper() { return MAPPER; }

  /** The shared YAML mapper (kubeconfig files, manifests), configured like {@link #mapper()}. */
  public static ObjectMapper yamlMapper() { return YAML; }

  /** Serialises {@code value} to a JSON string. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write " + value.getClass().getName() + " as JSON", e);
    }
  }

  /** Parses {@code json} as a {@code type}. */
  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot read JSON as " + type.getName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /**
   * A deep copy of {@code value} through its JSON tree, the cheap way to get a private, mutable
   * copy of an object handed out by a cache. Null stays null.
   */
  @SuppressWarnings("unchecked")
  public static <T> T deepCopy(T value) {
    if (value == null) {
      return null;
    }
    try {
      return (T) MAPPER.treeToValue(MAPPER.valueToTree(value), value.getClass());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalStateException("cannot copy " + value.getClass().getName() + " through JSON", e);
    }
  }
}
