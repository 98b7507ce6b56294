package io.kubegen.runtime.leaderelection;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Kubernetes' {@code MicroTime} wire format: RFC 3339 in UTC with exactly six fractional digits,
 * {@code 2024-05-01T12:00:03.123456Z}. kube-apiserver parses these fields with a layout that
 * demands the six digits (Go's {@code RFC3339Micro}), so {@link #format} always writes them,
 * truncating finer precision as Go does. {@link #parse} is lenient: any RFC 3339 date-time with
 * or without a fraction and with any offset. Stateless and thread-safe.
 */
public final class MicroTime {
  private static final DateTimeFormatter WIRE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private MicroTime() {}

  /** {@code instant} in the wire format, truncated to microseconds. */
  public static String format(Instant instant) {
    return WIRE.format(instant.truncatedTo(ChronoUnit.MICROS));
  }

  /**
   * Parses an RFC 3339 date-time.
   *
   * @throws IllegalArgumentException naming the text when it is not one
   */
  public static Instant parse(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an RFC 3339 time: '" + text + "'", e);
    }
  }

  /** {@code instant} as the wire format keeps it: truncated to microseconds. */
  public static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  /** Jackson serializer writing {@link #format}. */
  public static final class Serializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
      gen.writeString(format(value));
    }
  }

  /** Jackson deserializer reading {@link #parse}; JSON null and "" read as null. */
  public static final class Deserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      String text = p.getText();
      if (text.isEmpty()) {
        return null;
      }
      try {
        return parse(text);
      } catch (IllegalArgumentException e) {
        return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, e.getMessage());
      }
    }
  }
}
