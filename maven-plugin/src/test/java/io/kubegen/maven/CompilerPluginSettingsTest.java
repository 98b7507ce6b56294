package io.kubegen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

/** Reading {@code maven-compiler-plugin}'s processor settings from a project. */
class CompilerPluginSettingsTest {

  private static Xpp3Dom xml(String text) throws Exception {
    return Xpp3DomBuilder.build(new StringReader(text));
  }

  @Test
  void readsPathsProcessorsAndArguments() throws Exception {
    CompilerPluginSettings settings = CompilerPluginSettings.of(xml("<configuration>"
        + "<annotationProcessorPaths>"
        + "<path><groupId>org.projectlombok</groupId><artifactId>lombok</artifactId><version>1.18.42</version></path>"
        + "<path><groupId>com.example</groupId><artifactId>gen</artifactId><classifier>proc</classifier></path>"
        + "</annotationProcessorPaths>"
        + "<annotationProcessors><annotationProcessor>lombok.launch.AnnotationProcessorHider$AnnotationProcessor"
        + "</annotationProcessor></annotationProcessors>"
        + "<compilerArgs><arg>-parameters</arg><arg>-Akey=value</arg></compilerArgs>"
        + "</configuration>"));
    assertThat(settings.processorPaths()).extracting(ProcessorPath::toString)
        .containsExactly("org.projectlombok:lombok:1.18.42", "com.example:gen:jar:proc:null");
    assertThat(settings.processors()).containsExactly("lombok.launch.AnnotationProcessorHider$AnnotationProcessor");
    assertThat(settings.compilerArgs()).containsExactly("-parameters", "-Akey=value");
    assertThat(settings.processingOff()).isFalse();
    assertThat(CompilerPluginSettings.of(xml("<configuration><proc>none</proc></configuration>")).processingOff()).isTrue();
  }

  @Test
  void theDefaultCompileExecutionWinsOverThePluginConfiguration() throws Exception {
    Plugin plugin = new Plugin();
    plugin.setGroupId(CompilerPluginSettings.GROUP_ID);
    plugin.setArtifactId(CompilerPluginSettings.ARTIFACT_ID);
    plugin.setConfiguration(xml("<configuration><compilerArgs><arg>-plugin-level</arg></compilerArgs>"
        + "<annotationProcessorPaths><path><groupId>a</groupId><artifactId>b</artifactId><version>1</version></path>"
        + "</annotationProcessorPaths></configuration>"));
    PluginExecution compile = new PluginExecution();
    compile.setId("default-compile");
    compile.setConfiguration(xml("<configuration><compilerArgs><arg>-execution-level</arg></compilerArgs></configuration>"));
    PluginExecution tests = new PluginExecution();
    tests.setId("default-testCompile");
    tests.setConfiguration(xml("<configuration><compilerArgs><arg>-tests</arg></compilerArgs></configuration>"));
    plugin.addExecution(compile);
    plugin.addExecution(tests);
    Model model = new Model();
    model.setBuild(new Build());
    model.getBuild().addPlugin(plugin);

    CompilerPluginSettings settings = CompilerPluginSettings.of(new MavenProject(model));
    assertThat(settings.compilerArgs()).containsExactly("-execution-level");
    assertThat(settings.processorPaths()).extracting(ProcessorPath::toString).containsExactly("a:b:1");
  }

  @Test
  void aProjectWithoutTheCompilerPluginHasNoSettings() {
    Model model = new Model();
    model.setBuild(new Build());
    CompilerPluginSettings settings = CompilerPluginSettings.of(new MavenProject(model));
    assertThat(settings.processorPaths()).isEmpty();
    assertThat(settings.processors()).isEmpty();
    assertThat(settings.compilerArgs()).isEmpty();
  }
}
