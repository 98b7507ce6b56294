package io.kubegen.runtime.watch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubegen.runtime.api.Status;
import io.kubegen.runtime.json.Json;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Decodes the body of a watch response: a stream of JSON objects
 * {@code {"type": "ADDED", "object": {...}}}, one per chunk and usually one per line, into
 * {@link WatchEvent}s. A frame that is not valid JSON, lacks a known {@code type} or an
 * {@code object}, or whose object does not fit the target type is an error; so is a stream that
 * ends in the middle of a frame. ERROR frames carry a {@link Status}. Each object is bound
 * straight from the stream when the frame names its type first (as the API server writes it), so
 * a frame is parsed once; a frame with its fields in another order goes through a JSON tree.
 * Decoded events reach the watch in bursts ({@link QueueWatch#offerAll}): at the latest when the
 * decoder needs more bytes than the body has at hand ({@link InputStream#available()}), so an event
 * never waits for the next one to arrive.
 *
 * <p>Immutable and thread-safe; {@link #decode} reads on the calling thread.
 *
 * @param <T> the object type
 */
public final class WatchStreamDecoder<T> {
  /** The most events decoded before they are handed to the watch, however fast the bytes arrive. */
  private static final int MAX_BURST = 128;

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
    List<WatchEvent<T>> decodedNotHandedOver = new ArrayList<>();
    // events go to the watch in bursts: whenever the parser needs more bytes than the body has at
    // hand (before it may block on the connection), at every MAX_BURST events, and when decoding
    // ends in any way
    InputStream handingOver = new FilterInputStream(body) {
      @Override
      public int read() throws IOException {
        handOverBeforeWaiting();
        return super.read();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        handOverBeforeWaiting();
        return super.read(buffer, offset, length);
      }

      private void handOverBeforeWaiting() {
        if (!decodedNotHandedOver.isEmpty() && nothingAtHand(in)) {
          handOver(decodedNotHandedOver, watch);
        }
      }
    };
    try (JsonParser parser = mapper.getFactory().createParser(handingOver)) {
      int decoded = 0;
      while (!watch.isClosed()) {
        // the frame being read; counted from 1, and counted even when its first token is bad
        int frame = decoded + 1;
        WatchEvent<T> event;
        try {
          JsonToken token = parser.nextToken();
          if (token == null) {
            return;
          }
          if (token != JsonToken.START_OBJECT) {
            throw new WatchException("watch frame " + frame + " is not a JSON object but starts with " + token);
          }
          event = readFrame(parser, frame);
        } catch (StreamReadException e) {
          throw new WatchException("malformed or cut-off watch frame " + frame + ": " + e.getOriginalMessage(), e);
        }
        decoded = frame;
        decodedNotHandedOver.add(event);
        if (decodedNotHandedOver.size() >= MAX_BURST && !handOver(decodedNotHandedOver, watch)) {
          return;
        }
      }
    } finally {
      handOver(decodedNotHandedOver, watch);
    }
  }

  /** Whether a read of {@code in} may have to wait for the connection (or cannot tell). */
  private static boolean nothingAtHand(InputStream in) {
    try {
      return in.available() <= 0;
    } catch (IOException e) {
      return true;
    }
  }

  /** Offers the events to the watch and forgets them; false if the watch was closed. */
  private static <T> boolean handOver(List<WatchEvent<T>> events, QueueWatch<T> watch) {
    if (events.isEmpty()) {
      return !watch.isClosed();
    }
    boolean open = watch.offerAll(events);
    events.clear();
    return open;
  }

  /**
   * Reads one frame whose {@code START_OBJECT} was just read, straight into its event: when
   * {@code type} comes before {@code object} (as the API server writes them) the object is bound
   * from the stream without an intermediate tree; otherwise it is read as a tree first and bound
   * once the type is known. Errors are those of {@link #toEvent}.
   */
  private WatchEvent<T> readFrame(JsonParser parser, int number) throws IOException {
    String typeText = null;
    boolean typeSeen = false;
    boolean objectSeen = false;
    Object bound = null;
    JsonNode objectTree = null;
    String fieldName;
    while ((fieldName = parser.nextFieldName()) != null) {
      JsonToken value = parser.nextToken();
      if ("type".equals(fieldName)) {
        if (typeSeen) {
          throw new WatchException("watch frame " + number + " has more than one \"type\"");
        }
        typeSeen = true;
        typeText = value == JsonToken.VALUE_STRING ? parser.getText() : null;
        parser.skipChildren();
      } else if ("object".equals(fieldName)) {
        if (objectSeen) {
          throw new WatchException("watch frame " + number + " has more than one \"object\"");
        }
        objectSeen = true;
        WatchEvent.Type known = typeText == null ? null : knownType(typeText);
        if (known != null && value == JsonToken.START_OBJECT) {
          bound = bind(parser, known, number);
        } else {
          objectTree = mapper.readTree(parser);
        }
      } else {
        parser.skipChildren();
      }
    }
    if (bound == null) {
      ObjectNode frame = mapper.getNodeFactory().objectNode();
      if (typeSeen) {
        frame.put("type", typeText);
      }
      if (objectTree != null) {
        frame.set("object", objectTree);
      }
      return toEvent(frame, number);
    }
    WatchEvent.Type eventType = knownType(typeText);
    if (eventType == WatchEvent.Type.ERROR) {
      return WatchEvent.error((Status) bound);
    }
    @SuppressWarnings("unchecked")
    T object = (T) bound;
    return WatchEvent.of(eventType, object);
  }

  /** The event type a frame's {@code type} names (in any case), or null if none. */
  private static WatchEvent.Type knownType(String text) {
    return switch (text) {
      case "ADDED" -> WatchEvent.Type.ADDED;
      case "MODIFIED" -> WatchEvent.Type.MODIFIED;
      case "DELETED" -> WatchEvent.Type.DELETED;
      case "BOOKMARK" -> WatchEvent.Type.BOOKMARK;
      case "ERROR" -> WatchEvent.Type.ERROR;
      default -> {
        try {
          yield WatchEvent.Type.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          yield null;
        }
      }
    };
  }

  /** Binds the object at the parser's {@code START_OBJECT}: a {@link Status} for ERROR, else a {@code T}. */
  private Object bind(JsonParser parser, WatchEvent.Type eventType, int number) throws IOException {
    try {
      return eventType == WatchEvent.Type.ERROR ? mapper.readValue(parser, Status.class) : mapper.readValue(parser, type);
    } catch (StreamReadException e) {
      throw e;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // bean deserializers wrap what the parser threw: a broken stream is still a broken stream
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof StreamReadException broken) {
          throw broken;
        }
      }
      throw notDecodable(eventType, number, e);
    }
  }

  private WatchException notDecodable(WatchEvent.Type eventType, int number, Exception e) {
    return new WatchException("watch frame " + number + " (" + eventType + ") does not decode as "
        + type.toCanonical() + ": " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
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
      throw notDecodable(eventType, number, e);
    }
  }
}
