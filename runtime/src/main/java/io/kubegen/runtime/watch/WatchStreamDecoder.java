package io.kubegen.runtime.watch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubegen.runtime.api.Status;
import io.kubegen.runtime.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Objects;

/**
 * Decodes the body of a watch response: a stream of JSON objects
 * {@code {"type": "ADDED", "object": {...}}}, one per chunk and usually one per line, into
 * {@link WatchEvent}s. A frame that is not valid JSON, lacks a known {@code type} or an
 * {@code object}, or whose object does not fit the target type is an error; so is a stream that
 * ends in the middle of a frame. ERROR frames carry a {@link Status}.
 *
 * <p>Immutable and thread-safe; {@link #decode} reads on the calling thread.
 *
 * @param <T> the object type
 */
public final class WatchStreamDecoder<T> {
  private final JavaType type;
  private final ObjectMapper mapper;

  /** A decoder of frames whose objects are {@code type}s. */
  public WatchStreamDecoder(JavaType type) {
    this.type = Objects.requireNonNull(type, "type");
    this.mapper = Json.mapper();
  }

  /** A decoder of frames whose objects are {@code type}s. */
  public static <T> WatchStreamDecoder<T> of(Class<T> type) {
    return new WatchStreamDecoder<>(Json.mapper().constructType(type));
  }

  /**
   * Reads frames from {@code body} and offers each event to {@code watch} until the stream ends
   * or the watch is closed. Returns normally at a clean end of the stream (after the last whole
   * frame) or when the watch was closed.
   *
   * @throws WatchException on a malformed, unknown or cut-off frame
   * @throws IOException when reading fails
   */
  public void decode(InputStream body, QueueWatch<T> watch) throws IOException {
    try (JsonParser parser = mapper.getFactory().createParser(body)) {
      int decoded = 0;
      while (!watch.isClosed()) {
        // the frame being read; counted from 1, and counted even when its first token is bad
        int frame = decoded + 1;
        JsonNode node;
        try {
          JsonToken token = parser.nextToken();
          if (token == null) {
            return;
          }
          if (token != JsonToken.START_OBJECT) {
            throw new WatchException("watch frame " + frame + " is not a JSON object but starts with " + token);
          }
          node = mapper.readTree(parser);
        } catch (StreamReadException e) {
          throw new WatchException("malformed or cut-off watch frame " + frame + ": " + e.getOriginalMessage(), e);
        }
        decoded = frame;
        if (!watch.offer(toEvent(node, frame))) {
          return;
        }
      }
    }
  }

  /** Turns one decoded frame into an event. */
  public WatchEvent<T> toEvent(JsonNode frame, int number) {
    JsonNode typeNode = frame.get("type");
    if (typeNode == null || !typeNode.isTextual()) {
      throw new WatchException("watch frame " + number + " has no \"type\"");
    }
    WatchEvent.Type eventType;
    try {
      eventType = WatchEvent.Type.valueOf(typeNode.asText().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new WatchException("watch frame " + number + " has unknown type \"" + typeNode.asText() + "\"");
    }
    JsonNode object = frame.get("object");
    if (object == null || !object.isObject()) {
      throw new WatchException("watch frame " + number + " (" + eventType + ") has no \"object\"");
    }
    try {
      if (eventType == WatchEvent.Type.ERROR) {
        return WatchEvent.error(mapper.treeToValue(object, Status.class));
      }
      T value = mapper.treeToValue(object, type);
      return WatchEvent.of(eventType, value);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new WatchException("watch frame " + number + " (" + eventType + ") does not decode as "
          + type.toCanonical() + ": " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
    }
  }
}
