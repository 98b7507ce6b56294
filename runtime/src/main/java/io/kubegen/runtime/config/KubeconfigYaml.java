package io.kubegen.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads kubeconfig YAML into a JSON tree the way kubectl does (sigs.k8s.io/yaml over yaml.v2,
 * YAML 1.1): anchors, aliases and {@code <<} merge keys are expanded; plain scalars resolve as
 * yaml.v2 resolves them ({@code y}, {@code yes}, {@code on} are booleans, {@code 012} and
 * {@code 0x1F} are numbers, a date stays a string); keys become strings; a later duplicate key
 * wins; only the first document counts; a tab after {@code :} or a flow {@code ,} separates, as
 * in yaml.v2 ({@link YamlTabs}). SnakeYAML does the parsing; the resolution rules are
 * kubegen's own, so that {@code token: y} fails here exactly when it fails in kubectl.
 *
 * <p>Stateless and thread-safe. Errors give the file and a position, never the text around it (a
 * line of a kubeconfig can hold a token).
 */
final class KubeconfigYaml {
  /** Expanded nodes allowed per document, so that nested aliases cannot blow up (yaml.v2 has a similar guard). */
  static final int MAX_EXPANDED_NODES = 4_000_000;
  private static final Tag PLAIN = new Tag("tag:kubegen.io,2025:plain");
  private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+([eE][-+]?[0-9]+)?");
  private static final Pattern YAML_STYLE_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private KubeconfigYaml() {}

  /**
   * The first document of {@code yaml} as a JSON tree; a document with no content gives a JSON
   * null.
   */
  static JsonNode read(String yaml, Path file) {
    Node root;
    try {
      Iterator<Node> documents = yaml(file).composeAll(new StringReader(YamlTabs.separatorTabsToSpaces(yaml))).iterator();
      root = documents.hasNext() ? documents.next() : null;
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new KubeConfigException(file + ": not valid YAML" + at(mark));
    } catch (YAMLException e) {
      throw new KubeConfigException(file + ": not valid YAML (" + e.getClass().getSimpleName() + ")");
    }
    if (root == null) {
      return JSON.nullNode();
    }
    return new Converter(file).convert(root);
  }

  private static Yaml yaml(Path file) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(Integer.MAX_VALUE); // the expanded-node budget guards instead
    options.setCodePointLimit(256 * 1024 * 1024);
    options.setAllowRecursiveKeys(false);
    return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
        options, new PlainScalarResolver());
  }

  private static String at(Mark mark) {
    return mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
  }

  /**
   * Leaves resolution to {@link #scalar}: an untagged plain scalar gets the private {@link #PLAIN}
   * tag, a quoted one {@code !!str}, so an explicit {@code !!str 5} stays distinguishable from a
   * plain {@code 5}.
   */
  private static final class PlainScalarResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {}

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      return switch (kind) {
        case scalar -> implicit ? PLAIN : Tag.STR;
        case sequence -> Tag.SEQ;
        default -> Tag.MAP;
      };
    }
  }

  /** Converts one document; aliases share their converted value, the budget counts them expanded. */
  private static final class Converter {
    private final Path file;
    private final Map<Node, JsonNode> converted = new IdentityHashMap<>();
    private final Map<Node, Long> sizes = new IdentityHashMap<>();
    private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();
    private long expanded;

    Converter(Path file) {
      this.file = file;
    }

    JsonNode convert(Node node) {
      JsonNode done = converted.get(node);
      if (done != null) {
        charge(sizes.get(node), node);
        return done;
      }
      if (inProgress.put(node, Boolean.TRUE) != null) {
        throw error("an anchor's value contains an alias to itself", node);
      }
      long before = expanded;
      charge(1, node);
      JsonNode result = switch (node.getNodeId()) {
        case scalar -> scalarValue((ScalarNode) node);
        case sequence -> sequence((SequenceNode) node);
        case mapping -> mapping((MappingNode) node);
        default -> throw error("unsupported YAML node", node);
      };
      inProgress.remove(node);
      converted.put(node, result);
      sizes.put(node, expanded - before);
      return result;
    }

    private void charge(long nodes, Node at) {
      expanded += nodes;
      if (expanded > MAX_EXPANDED_NODES) {
        throw error("aliases expand to more than " + MAX_EXPANDED_NODES + " nodes", at);
      }
    }

    private JsonNode scalarValue(ScalarNode node) {
      JsonNode value = scalar(node, file);
      if (value.isDouble() && !Double.isFinite(value.doubleValue())) {
        // JSON has no infinity or NaN: kubectl's YAML-to-JSON step fails on the whole file
        throw error("a float that is infinite or not a number has no JSON form", node);
      }
      return value;
    }

    private ArrayNode sequence(SequenceNode node) {
      ArrayNode array = JSON.arrayNode();
      for (Node item : node.getValue()) {
        array.add(convert(item));
      }
      return array;
    }

    private ObjectNode mapping(MappingNode node) {
      ObjectNode object = JSON.objectNode();
      fill(object, node);
      return object;
    }

    /** yaml.v2's order: pairs in file order, a merge writes its keys where it stands, later writes win. */
    private void fill(ObjectNode object, MappingNode node) {
      for (NodeTuple pair : node.getValue()) {
        Node key = pair.getKeyNode();
        if (isMerge(key)) {
          merge(object, pair.getValueNode());
          continue;
        }
        object.set(key(key), convert(pair.getValueNode()));
      }
    }

    private void merge(ObjectNode object, Node value) {
      if (value instanceof MappingNode mapping) {
        mergeMapping(object, mapping);
      } else if (value instanceof SequenceNode sequence) {
        List<Node> items = sequence.getValue();
        for (int i = items.size() - 1; i >= 0; i--) { // earlier mappings take precedence
          if (!(items.get(i) instanceof MappingNode mapping)) {
            throw error("a merge key (<<) needs a mapping or a list of mappings", items.get(i));
          }
          mergeMapping(object, mapping);
        }
      } else {
        throw error("a merge key (<<) needs a mapping or a list of mappings", value);
      }
    }

    private void mergeMapping(ObjectNode object, MappingNode mapping) {
      if (inProgress.put(mapping, Boolean.TRUE) != null) {
        throw error("an anchor's value contains an alias to itself", mapping);
      }
      charge(1, mapping);
      fill(object, mapping);
      inProgress.remove(mapping);
    }

    /** A key as sigs.k8s.io/yaml turns it into a JSON object key. */
    private String key(Node key) {
      if (!(key instanceof ScalarNode scalar)) {
        throw error("a mapping key must be a scalar", key);
      }
      JsonNode value = scalar(scalar, file);
      if (value.isTextual()) {
        return value.asText();
      }
      if (value.isBoolean()) {
        return value.asBoolean() ? "true" : "false";
      }
      if (value.isIntegralNumber() && value.canConvertToLong()) {
        return Long.toString(value.longValue());
      }
      if (value.isDouble()) {
        return GoFloats.formatFloat32(value.doubleValue());
      }
      throw error("a mapping key must be a string, number or boolean", key);
    }

    private static boolean isMerge(Node key) {
      return key instanceof ScalarNode scalar && scalar.getValue().equals("<<")
          && (scalar.getTag().equals(PLAIN) || scalar.getTag().equals(Tag.MERGE));
    }

    private KubeConfigException error(String problem, Node node) {
      return new KubeConfigException(file + ": not a valid kubeconfig YAML" + at(node.getStartMark()) + ": " + problem);
    }
  }

  /** A scalar resolved as yaml.v2 resolves it, honouring explicit standard tags. */
  static JsonNode scalar(ScalarNode node, Path file) {
    String in = node.getValue();
    Tag tag = node.getTag();
    if (tag.equals(PLAIN)) {
      return resolvePlain(in);
    }
    if (tag.equals(Tag.STR)) {
      return JSON.textNode(in);
    }
    if (tag.equals(Tag.BINARY)) {
      try {
        return JSON.textNode(new String(Base64.getDecoder().decode(in.replaceAll("\\s", "")), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new KubeConfigException(file + ": not a valid kubeconfig YAML" + at(node.getStartMark())
            + ": a !!binary value is not valid base64");
      }
    }
    if (tag.equals(Tag.BOOL) || tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.NULL)) {
      JsonNode resolved = resolvePlain(in);
      boolean fits = tag.equals(Tag.BOOL) ? resolved.isBoolean()
          : tag.equals(Tag.NULL) ? resolved.isNull()
          : tag.equals(Tag.INT) ? resolved.isIntegralNumber()
          : resolved.isNumber();
      if (!fits) {
        throw new KubeConfigException(file + ": not a valid kubeconfig YAML" + at(node.getStartMark())
            + ": the value does not match its tag " + tag);
      }
      return tag.equals(Tag.FLOAT) && resolved.isIntegralNumber() ? JSON.numberNode(resolved.doubleValue()) : resolved;
    }
    // !!timestamp and tags of no standard kind: the text itself, as yaml.v2 gives it to JSON
    return JSON.textNode(in);
  }

  /** yaml.v2's {@code resolve("", in)}. */
  static JsonNode resolvePlain(String in) {
    switch (in) {
      case "", "~", "null", "Null", "NULL":
        return JSON.nullNode();
      case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON":
        return JSON.booleanNode(true);
      case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF":
        return JSON.booleanNode(false);
      case ".nan", ".NaN", ".NAN":
        return JSON.numberNode(Double.NaN);
      case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
        return JSON.numberNode(Double.POSITIVE_INFINITY);
      case "-.inf", "-.Inf", "-.INF":
        return JSON.numberNode(Double.NEGATIVE_INFINITY);
      default:
        break;
    }
    char first = in.charAt(0);
    if (first == '.') {
      if (DOT_FLOAT.matcher(in).matches()) {
        double value = Double.parseDouble(in);
        if (Double.isFinite(value)) {
          return JSON.numberNode(value);
        }
      }
      return JSON.textNode(in);
    }
    if (first != '+' && first != '-' && (first < '0' || first > '9')) {
      return JSON.textNode(in);
    }
    String plain = in.replace("_", "");
    BigInteger integer = goParseInteger(plain);
    if (integer != null) {
      return integer.bitLength() < 64 ? JSON.numberNode(integer.longValue()) : JSON.numberNode(integer);
    }
    if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
      double value = Double.parseDouble(plain);
      if (Double.isFinite(value)) { // Go's ParseFloat reports out-of-range values as errors
        return JSON.numberNode(value);
      }
    }
    return JSON.textNode(in);
  }

  /**
   * Go's {@code strconv.ParseInt(s, 0, 64)}, falling back to {@code ParseUint(s, 0, 64)}: an
   * optional sign (signed only), a {@code 0x}, {@code 0o}, {@code 0b} or bare {@code 0} prefix;
   * null when it does not parse or is out of range.
   */
  private static BigInteger goParseInteger(String s) {
    boolean negative = false;
    boolean signed = false;
    String rest = s;
    if (!rest.isEmpty() && (rest.charAt(0) == '+' || rest.charAt(0) == '-')) {
      negative = rest.charAt(0) == '-';
      signed = true;
      rest = rest.substring(1);
    }
    int radix = 10;
    if (rest.length() >= 2 && rest.charAt(0) == '0') {
      char p = Character.toLowerCase(rest.charAt(1));
      if (p == 'x' || p == 'o' || p == 'b') {
        radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        rest = rest.substring(2);
      } else {
        radix = 8;
        rest = rest.substring(1);
      }
    }
    if (rest.isEmpty()) {
      return null;
    }
    for (int i = 0; i < rest.length(); i++) {
      if (Character.digit(rest.charAt(i), radix) < 0) {
        return null;
      }
    }
    BigInteger value = new BigInteger(rest, radix);
    if (negative) {
      value = value.negate();
    }
    BigInteger max = signed ? BigInteger.valueOf(Long.MAX_VALUE) : BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    if (value.compareTo(BigInteger.valueOf(Long.MIN_VALUE)) < 0 || value.compareTo(max) > 0) {
      // ParseInt overflows; ParseUint takes unsigned values up to 2^64-1 but no sign at all
      return null;
    }
    return value;
  }

  /** Go's {@code strconv.FormatFloat(f, 'g', -1, 32)}, for YAML keys that are floats. */
  static final class GoFloats {
    private GoFloats() {}

    static String formatFloat32(double value) {
      if (Double.isNaN(value)) {
        return ".nan";
      }
      if (Double.isInfinite(value)) {
        return value > 0 ? ".inf" : "-.inf";
      }
      float f = (float) value;
      if (f == 0) {
        return (1 / f) < 0 ? "-0" : "0";
      }
      // shortest digits that read back to the same float32
      java.math.BigDecimal shortest = new java.math.BigDecimal(Float.toString(Math.abs(f))).stripTrailingZeros();
      String digits = shortest.unscaledValue().toString();
      int exponent = digits.length() - 1 - shortest.scale(); // decimal exponent of the first digit
      String sign = f < 0 ? "-" : "";
      if (exponent < -4 || exponent >= 6) { // Go decides with precision 6 when printing the shortest form
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
            + Math.abs(exponent);
      }
      return sign + shortest.toPlainString();
    }
  }
}
