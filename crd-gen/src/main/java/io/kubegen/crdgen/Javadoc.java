package io.kubegen.crdgen;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * Schema descriptions from javadoc: the first paragraph of an element's comment (later paragraphs
 * tend to be about Java: threading, copying), with inline tags reduced to their text, HTML tags
 * removed and white space collapsed; and a record component's {@code @param} text from the
 * record's comment. Javadoc is only there for types compiled from source. Stateless apart from the
 * compiler's {@link Elements}.
 */
final class Javadoc {
  private static final Pattern INLINE = Pattern.compile("\\{@(?:code|literal)\\s([^}]*)}|\\{@(?:link|linkplain)\\s+([^}\\s]+)(?:\\s+([^}]*))?}");
  private static final Pattern HTML = Pattern.compile("</?[a-zA-Z][^>]*>");
  private static final Pattern PARAGRAPH = Pattern.compile("\\n\\s*\\n|<p>|<P>");

  private final Elements elements;

  Javadoc(Elements elements) {
    this.elements = elements;
  }

  /** The description of {@code element}, if its javadoc has text before the block tags. */
  Optional<String> of(Element element) {
    String doc = element == null ? null : elements.getDocComment(element);
    if (doc == null) {
      return Optional.empty();
    }
    return text(firstParagraph(body(doc)));
  }

  /** The text of {@code @param name} in the javadoc of {@code owner} (a record's components). */
  Optional<String> param(Element owner, String name) {
    String doc = elements.getDocComment(owner);
    if (doc == null) {
      return Optional.empty();
    }
    Matcher m = Pattern.compile("(?m)^\\s*@param\\s+" + Pattern.quote(name) + "\\s+((?:(?!^\\s*@)[\\s\\S])*)").matcher(doc);
    return m.find() ? text(firstParagraph(m.group(1))) : Optional.empty();
  }

  private static String body(String doc) {
    Matcher tag = Pattern.compile("(?m)^\\s*@[a-zA-Z]").matcher(doc);
    return tag.find() ? doc.substring(0, tag.start()) : doc;
  }

  private static String firstParagraph(String text) {
    String trimmed = text.strip();
    Matcher m = PARAGRAPH.matcher(trimmed);
    return m.find() ? trimmed.substring(0, m.start()) : trimmed;
  }

  /** Inline tags to their text, no HTML, white space collapsed; empty when nothing is left. */
  static Optional<String> text(String raw) {
    Matcher m = INLINE.matcher(raw);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group(1) != null) {
        replacement = m.group(1);
      } else if (m.group(3) != null && !m.group(3).isBlank()) {
        replacement = m.group(3);
      } else {
        String ref = m.group(2);
        replacement = ref.startsWith("#") ? ref.substring(1) : ref.replace('#', '.');
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    String text = HTML.matcher(out).replaceAll("")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
        .replaceAll("\\s+", " ").strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }
}
