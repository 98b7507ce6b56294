package io.kubegen.runtime.config;

/**
 * Turns the tabs that Go's yaml.v2 (libyaml's scanner) takes as separators into spaces, so that
 * SnakeYAML, which refuses a tab there, reads what kubectl reads: blanks right after a {@code :}
 * value indicator, and any blank between the tokens of a flow collection ({@code [...]},
 * <code>{...}</code>). Tabs inside quoted
 * scalars, block scalars, plain scalars and comments are left as they are, and so are tabs that
 * both parsers refuse (in indentation, after a block {@code -}). Stateless and thread-safe.
 */
final class YamlTabs {
  private YamlTabs() {}

  static String separatorTabsToSpaces(String yaml) {
    if (yaml.indexOf('\t') < 0) {
      return yaml;
    }
    StringBuilder out = new StringBuilder(yaml.length());
    char quote = 0;                 // the open quote of a quoted scalar, or 0
    int flowLevel = 0;              // depth of [ ] and { } collections
    int blockScalarParentIndent = -1; // inside a block scalar's content: the indentation of its header line
    int i = 0;
    while (i < yaml.length()) {
      int lineEnd = yaml.indexOf('\n', i);
      lineEnd = lineEnd < 0 ? yaml.length() : lineEnd + 1;
      String line = yaml.substring(i, lineEnd);
      int indent = indentation(line);
      if (blockScalarParentIndent >= 0 && quote == 0) {
        if (line.isBlank() || indent > blockScalarParentIndent) {
          out.append(line);
          i = lineEnd;
          continue;
        }
        blockScalarParentIndent = -1;
      }
      StringBuilder converted = new StringBuilder(line.length());
      boolean scalarMayStart = true; // at a place where a quoted scalar can begin
      boolean comment = false;
      char previousSignificant = 0;
      for (int j = 0; j < line.length(); j++) {
        char c = line.charAt(j);
        if (comment) {
          converted.append(c);
          continue;
        }
        if (quote != 0) {
          converted.append(c);
          if (quote == '"' && c == '\\' && j + 1 < line.length()) {
            converted.append(line.charAt(++j));
          } else if (c == quote) {
            if (quote == '\'' && j + 1 < line.length() && line.charAt(j + 1) == '\'') {
              converted.append(line.charAt(++j));
            } else {
              quote = 0;
              scalarMayStart = false;
            }
          }
          continue;
        }
        if (c == ' ' || c == '\t') {
          // inside a flow collection every blank separates; in block context only the one after ':'
          boolean separator = flowLevel > 0 || (previousSignificant == ':' && j > indent);
          converted.append(c == '\t' && separator ? ' ' : c);
          continue;
        }
        if (c == '#' && (j == 0 || line.charAt(j - 1) == ' ' || line.charAt(j - 1) == '\t')) {
          comment = true;
          converted.append(c);
          continue;
        }
        if ((c == '\'' || c == '"') && scalarMayStart) {
          quote = c;
          converted.append(c);
          continue;
        }
        boolean opensFlow = (c == '[' || c == '{') && (scalarMayStart || flowLevel > 0);
        if (opensFlow) {
          flowLevel++;
        } else if ((c == ']' || c == '}') && flowLevel > 0) {
          flowLevel--;
        }
        boolean indicator = opensFlow || (c == ',' && flowLevel > 0) || c == '-' || c == '?'
            || (c == ':' && (j + 1 >= line.length() || Character.isWhitespace(line.charAt(j + 1))));
        scalarMayStart = indicator;
        previousSignificant = indicator || c == ']' || c == '}' ? c : 'x';
        converted.append(c);
      }
      out.append(converted);
      if (quote == 0 && opensBlockScalar(converted.toString())) {
        blockScalarParentIndent = indent;
      }
      i = lineEnd;
    }
    return out.toString();
  }

  private static int indentation(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  /** Whether the line (outside quotes and comments) ends with a block scalar header such as {@code |}, {@code >-} or {@code |2}. */
  private static boolean opensBlockScalar(String line) {
    String content = line;
    int hash = content.indexOf(" #");
    if (hash >= 0) {
      content = content.substring(0, hash);
    }
    content = content.strip();
    int k = content.length() - 1;
    while (k >= 0 && (Character.isDigit(content.charAt(k)) || content.charAt(k) == '+' || content.charAt(k) == '-')) {
      k--;
    }
    if (k < 0 || (content.charAt(k) != '|' && content.charAt(k) != '>')) {
      return false;
    }
    return k == 0 || content.charAt(k - 1) == ' ' || content.charAt(k - 1) == '\t';
  }
}
