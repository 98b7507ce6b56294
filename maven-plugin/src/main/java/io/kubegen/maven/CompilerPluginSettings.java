package io.kubegen.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What {@code maven-compiler-plugin} is told about annotation processing in a project:
 * {@code annotationProcessorPaths}, {@code annotationProcessors} and {@code compilerArgs}, from the
 * plugin's configuration with its {@code default-compile} execution's on top (as Maven merges them).
 * The generate goal reads the model the same way the main compile will, with the same processors.
 *
 * @param processorPaths the processor path entries; empty when none are configured
 * @param processors the processor class names to run; empty means every one found
 * @param compilerArgs the extra compiler arguments
 * @param processingOff whether {@code <proc>none</proc>} switches annotation processing off
 */
record CompilerPluginSettings(List<ProcessorPath> processorPaths, List<String> processors, List<String> compilerArgs,
    boolean processingOff) {

  static final String GROUP_ID = "org.apache.maven.plugins";
  static final String ARTIFACT_ID = "maven-compiler-plugin";

  CompilerPluginSettings {
    processorPaths = List.copyOf(processorPaths);
    processors = List.copyOf(processors);
    compilerArgs = List.copyOf(compilerArgs);
  }

  /** The settings of {@code project}'s compiler plugin; empty ones when it configures none. */
  static CompilerPluginSettings of(MavenProject project) {
    Plugin plugin = project.getPlugin(GROUP_ID + ":" + ARTIFACT_ID);
    if (plugin == null) {
      return new CompilerPluginSettings(List.of(), List.of(), List.of(), false);
    }
    Xpp3Dom merged = (Xpp3Dom) plugin.getConfiguration();
    for (PluginExecution execution : plugin.getExecutions()) {
      if (execution.getId().equals("default-compile") && execution.getConfiguration() != null) {
        Xpp3Dom own = new Xpp3Dom((Xpp3Dom) execution.getConfiguration());
        merged = merged == null ? own : Xpp3Dom.mergeXpp3Dom(own, new Xpp3Dom(merged));
      }
    }
    return of(merged);
  }

  /** The settings in a {@code <configuration>} element (null: none). */
  static CompilerPluginSettings of(Xpp3Dom configuration) {
    List<ProcessorPath> paths = new ArrayList<>();
    List<String> processors = new ArrayList<>();
    List<String> args = new ArrayList<>();
    boolean off = false;
    if (configuration != null) {
      off = "none".equals(text(configuration, "proc"));
      Xpp3Dom pathsNode = configuration.getChild("annotationProcessorPaths");
      if (pathsNode != null) {
        for (Xpp3Dom path : pathsNode.getChildren()) {
          ProcessorPath p = new ProcessorPath(text(path, "groupId"), text(path, "artifactId"), text(path, "version"));
          p.setClassifier(text(path, "classifier"));
          if (text(path, "type") != null) {
            p.setType(text(path, "type"));
          }
          paths.add(p);
        }
      }
      children(configuration.getChild("annotationProcessors"), processors);
      children(configuration.getChild("compilerArgs"), args);
    }
    return new CompilerPluginSettings(paths, processors, args, off);
  }

  private static void children(Xpp3Dom node, List<String> into) {
    if (node != null) {
      for (Xpp3Dom child : node.getChildren()) {
        if (child.getValue() != null && !child.getValue().isBlank()) {
          into.add(child.getValue().trim());
        }
      }
    }
  }

  private static String text(Xpp3Dom node, String child) {
    Xpp3Dom c = node.getChild(child);
    return c == null || c.getValue() == null || c.getValue().isBlank() ? null : c.getValue().trim();
  }
}
