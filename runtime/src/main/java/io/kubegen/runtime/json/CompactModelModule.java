package io.kubegen.runtime.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.std.MapDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.MapType;
import io.kubegen.runtime.api.SharedStrings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes decoded model objects small, for caches that hold many of them:
 * <ul>
 *   <li>every {@code String} bean property named {@code apiVersion} or {@code kind} is decoded to
 *       its {@linkplain SharedStrings#share shared instance}: equal for all objects of a type, so
 *       one copy instead of one per object;</li>
 *   <li>a {@code Map<String, String>} property (labels, annotations, a ConfigMap's data) is decoded
 *       to a {@link LinkedHashMap} sized for its entries (Jackson's default starts every map
 *       with a 16-slot table on the first entry). It is still an ordinary mutable
 *       {@code LinkedHashMap} in document order that grows as usual.</li>
 * </ul>
 * Decoded values are equal to what plain Jackson decodes. Maps declared with their own key, value
 * or content handling keep Jackson's deserializer.
 */
final class CompactModelModule extends SimpleModule {
  CompactModelModule() {
    super("kubegen-compact-model");
    setDeserializerModifier(new Modifier());
  }

  private static final class Modifier extends BeanDeserializerModifier {
    @Override
    public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription beanDesc,
        BeanDeserializerBuilder builder) {
      List<SettableBeanProperty> shared = new ArrayList<>();
      for (Iterator<SettableBeanProperty> it = builder.getProperties(); it.hasNext(); ) {
        SettableBeanProperty property = it.next();
        String name = property.getName();
        if ((name.equals("apiVersion") || name.equals("kind")) && property.getType().hasRawClass(String.class)
            && !property.hasValueDeserializer()) {
          shared.add(property.withValueDeserializer(SharedStringDeserializer.INSTANCE));
        }
      }
      for (SettableBeanProperty property : shared) {
        builder.addOrReplaceProperty(property, true);
      }
      return builder;
    }

    @Override
    public JsonDeserializer<?> modifyMapDeserializer(DeserializationConfig config, MapType type,
        BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
      boolean plain = deserializer.getClass() == MapDeserializer.class
          && (type.hasRawClass(Map.class) || type.hasRawClass(LinkedHashMap.class))
          && type.getKeyType().hasRawClass(String.class) && type.getContentType().hasRawClass(String.class)
          && type.getKeyType().getValueHandler() == null && type.getContentType().getValueHandler() == null
          && type.getContentType().getTypeHandler() == null;
      return plain ? StringMapDeserializer.INSTANCE : deserializer;
    }
  }

  /** A string decoded as Jackson would, then replaced by its shared instance. */
  static final class SharedStringDeserializer extends StdDeserializer<String> {
    static final SharedStringDeserializer INSTANCE = new SharedStringDeserializer();

    private SharedStringDeserializer() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = p.hasToken(JsonToken.VALUE_STRING) ? p.getText() : StringDeserializer.instance.deserialize(p, ctxt);
      return SharedStrings.share(value);
    }
  }

  /**
   * A JSON object of strings as a {@link LinkedHashMap} with a table sized for its entries. Values
   * are decoded as Jackson's {@link StringDeserializer} does (numbers and booleans become their
   * text, null stays null, objects and arrays are an error).
   */
  static final class StringMapDeserializer extends StdDeserializer<Map<String, String>> {
    static final StringMapDeserializer INSTANCE = new StringMapDeserializer();

    private StringMapDeserializer() {
      super(Map.class);
    }

    @Override
    public Map<String, String> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.currentToken();
      if (token == JsonToken.START_OBJECT) {
        token = p.nextToken();
      } else if (token != JsonToken.FIELD_NAME && token != JsonToken.END_OBJECT) {
        @SuppressWarnings("unchecked")
        Map<String, String> fallback = (Map<String, String>) ctxt.handleUnexpectedToken(Map.class, p);
        return fallback;
      }
      if (token == JsonToken.END_OBJECT) {
        return new LinkedHashMap<>();
      }
      String[] entries = new String[8];
      int n = 0;
      while (token == JsonToken.FIELD_NAME) {
        if (n == entries.length) {
          entries = java.util.Arrays.copyOf(entries, n * 2);
        }
        entries[n++] = p.currentName();
        entries[n++] = value(p, ctxt);
        token = p.nextToken();
      }
      Map<String, String> map = new LinkedHashMap<>(capacityFor(n / 2));
      for (int i = 0; i < n; i += 2) {
        map.put(entries[i], entries[i + 1]);
      }
      return map;
    }

    @Override
    public Map<String, String> deserialize(JsonParser p, DeserializationContext ctxt, Map<String, String> into)
        throws IOException {
      into.putAll(deserialize(p, ctxt));
      return into;
    }

    private static String value(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.nextToken();
      if (token == JsonToken.VALUE_STRING) {
        return p.getText();
      }
      if (token == JsonToken.VALUE_NULL) {
        return null;
      }
      return StringDeserializer.instance.deserialize(p, ctxt);
    }

    /** The initial capacity at which a {@code HashMap} holds {@code entries} without resizing. */
    static int capacityFor(int entries) {
      return Math.max(1, (int) Math.ceil(entries / 0.75));
    }
  }
}
