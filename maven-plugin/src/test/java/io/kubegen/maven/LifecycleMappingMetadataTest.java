package io.kubegen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The m2e lifecycle-mapping metadata shipped in the plugin: Eclipse must run every goal of the
 * plugin when it configures a project and on incremental builds. Compared with the plugin
 * descriptor that maven-plugin-plugin writes, so a new or renamed goal without a mapping fails.
 */
@Timeout(30)
class LifecycleMappingMetadataTest {

  @Test
  void everyGoalOfThePluginIsExecutedOnConfigurationAndIncrementalBuilds() throws Exception {
    Document metadata = parse("META-INF/m2e/lifecycle-mapping-metadata.xml");
    Document descriptor = parse("META-INF/maven/plugin.xml");

    List<String> goals = texts(descriptor.getElementsByTagName("goal"));
    assertThat(goals).as("goals of the plugin descriptor").contains("generate");

    NodeList executions = metadata.getElementsByTagName("pluginExecution");
    List<String> mapped = new ArrayList<>();
    for (int i = 0; i < executions.getLength(); i++) {
      Element execution = (Element) executions.item(i);
      Element filter = only(execution, "pluginExecutionFilter");
      Element execute = only(only(execution, "action"), "execute");
      assertThat(text(only(execute, "runOnConfiguration"))).isEqualTo("true");
      assertThat(text(only(execute, "runOnIncremental"))).isEqualTo("true");
      mapped.addAll(texts(filter.getElementsByTagName("goal")));
    }
    assertThat(mapped).containsExactlyInAnyOrderElementsOf(goals);
  }

  private static Document parse(String resource) throws Exception {
    try (InputStream in = LifecycleMappingMetadataTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the plugin's class path").isNotNull();
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      return factory.newDocumentBuilder().parse(in);
    }
  }

  private static Element only(Element parent, String tag) {
    NodeList found = parent.getElementsByTagName(tag);
    assertThat(found.getLength()).as("<" + tag + "> in <" + parent.getTagName() + ">").isEqualTo(1);
    return (Element) found.item(0);
  }

  private static List<String> texts(NodeList nodes) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(text((Element) nodes.item(i)));
    }
    return out;
  }

  private static String text(Element element) {
    return element.getTextContent().trim();
  }
}
