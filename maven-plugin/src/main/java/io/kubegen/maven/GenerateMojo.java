package io.kubegen.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Generates kubegen's clientset, listers and informers for the annotated resource types of this
 * module (and for named types from its dependencies).
 *
 * <p>Runs kubegen's annotation processor in-process with the JDK's compiler and {@code -proc:only}
 * over the module's compile source roots and class path, after the module's other annotation
 * processors (Lombok, Immutables, AutoValue, ...: those of {@link #annotationProcessorPaths}, else
 * of {@code maven-compiler-plugin}'s, else the ones on the compile class path, as javac finds
 * them, unless the compiler is told {@code <proc>none</proc>}), so kubegen reads the model the main
 * compile will see. Of what the processors write, only
 * kubegen's files are copied to {@link #outputDirectory}, and only when their content changed; the
 * files of the previous run that were not written again are removed, nothing else. A problem in the
 * model fails the build, naming the file, line and message id ({@code [kubegen.xxx]}). When nothing
 * the generation depends on has changed since the last successful run, generation is skipped.
 *
 * <p>It runs on the JDK that runs Maven (a Maven toolchain is not used for it); the sources are
 * read with {@code --release} of the project.
 *
 * <p>Thread-safe: every execution works on its own project, compiler task and processor instances.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.COMPILE)
public class GenerateMojo extends AbstractMojo {

  /** The record of the last successful run, under the build directory. */
  static final String RECORD_PATH = "kubegen-maven-plugin/last-generation.txt";

  /** Where the processors write during a run, under the build directory. */
  static final String STAGING_PATH = "kubegen-maven-plugin/staging";

  /** The project being built. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** The build session (for resolving processor paths). */
  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  @Component
  private RepositorySystem repositorySystem;

  @Component
  private ToolchainManager toolchainManager;

  /**
   * The base package of the generated code. Left empty, the processor uses
   * {@code <package of the types>.generated} when all types share one root package (and says so
   * with a warning), and fails asking for this parameter otherwise. Passed on as
   * {@code -Akubegen.outputPackage}.
   */
  @Parameter(property = "kubegen.outputPackage")
  private String outputPackage;

  /**
   * Where the generated sources are written; added to the compile source roots. It may be shared
   * with other plugins: only the files kubegen wrote are ever changed or removed.
   */
  @Parameter(property = "kubegen.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/kubegen", required = true)
  private File outputDirectory;

  /**
   * Which generators to run: any of {@code client}, {@code lister}, {@code informer} and
   * {@code crd} (comma-separated on the command line). Empty means the first three; {@code crd}
   * (CustomResourceDefinitions, written into the class output) runs only when named. The informer generator's code
   * uses the clientset and the listers, so it needs {@code client} and {@code lister} too (the
   * build fails with {@code [kubegen.generator-needs]} otherwise).
   */
  @Parameter(property = "kubegen.generators")
  private List<String> generators;

  /**
   * Fully qualified names of annotated types to generate for that come from dependencies (as
   * class files) instead of this module's sources, for models the project does not own. A name
   * ending in {@code .*} stands for every top-level type of that package found on the class path.
   */
  @Parameter(property = "kubegen.includeDependencyTypes")
  private List<String> includeDependencyTypes;

  /**
   * Whether to also read this module's own sources. Turn it off for a module that only
   * generates for {@link #includeDependencyTypes}.
   */
  @Parameter(property = "kubegen.includeSources", defaultValue = "true")
  private boolean includeSources;

  /**
   * The other annotation processors the model needs (such as Lombok's), run before kubegen's, in
   * the shape of {@code maven-compiler-plugin}'s {@code annotationProcessorPaths}: {@code <path>}
   * elements with {@code groupId}, {@code artifactId}, {@code version} (taken from the project's
   * dependency management or dependencies when left out), {@code classifier}, {@code type}.
   * Not set: {@code maven-compiler-plugin}'s (see {@link #useCompilerPluginSettings}), else the
   * processors on the compile class path.
   */
  @Parameter
  private List<ProcessorPath> annotationProcessorPaths;

  /**
   * The class names of the other processors to run (javac's {@code -processor}); empty means every
   * processor on their path. Not set: {@code maven-compiler-plugin}'s {@code annotationProcessors}.
   */
  @Parameter
  private List<String> annotationProcessors;

  /**
   * Further compiler arguments for the run, such as {@code -Aimmutables.gradle=true} or
   * {@code -parameters}; options the goal sets itself ({@code -proc}, {@code -d}, {@code -s},
   * {@code --release}, processor paths, {@code -Werror}) are left out. Not set:
   * {@code maven-compiler-plugin}'s {@code compilerArgs}.
   */
  @Parameter
  private List<String> compilerArgs;

  /**
   * Whether to take the processor paths, processor names and compiler arguments from
   * {@code maven-compiler-plugin}'s configuration when this goal does not set its own.
   */
  @Parameter(property = "kubegen.useCompilerPluginSettings", defaultValue = "true")
  private boolean useCompilerPluginSettings;

  /** Skips generation altogether (the output directory is then not added either). */
  @Parameter(property = "kubegen.skip", defaultValue = "false")
  private boolean skip;

  /** Runs the generators even when no input changed since the last run (files are still only rewritten when changed). */
  @Parameter(property = "kubegen.force", defaultValue = "false")
  private boolean force;

  /**
   * The {@code --release} the model sources are read with; by default the project's
   * {@code maven.compiler.release} property, else the running JDK's language level.
   */
  @Parameter(property = "kubegen.release", defaultValue = "${maven.compiler.release}")
  private String release;

  /** The encoding of the source files. */
  @Parameter(property = "kubegen.encoding", defaultValue = "${project.build.sourceEncoding}")
  private String encoding;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("kubegen: generation skipped (kubegen.skip)");
      return;
    }
    long started = System.nanoTime();
    Set<Generator> selected = selectedGenerators();
    Path output = outputDirectory.toPath().toAbsolutePath().normalize();
    Path buildDirectory = Path.of(project.getBuild().getDirectory()).toAbsolutePath().normalize();
    Path classOutput = Path.of(project.getBuild().getOutputDirectory()).toAbsolutePath().normalize();
    Path recordFile = buildDirectory.resolve(RECORD_PATH);

    List<Path> sources = includeSources ? sourceFiles(output) : List.of();
    List<Path> classpath = classpath();
    List<String> classNames = dependencyTypes(classpath);
    if (sources.isEmpty() && classNames.isEmpty()) {
      getLog().info("kubegen: no sources and no includeDependencyTypes, nothing to generate");
      return;
    }
    new ProcessorPathCheck(getLog()).warnIfProcessorsOnCompilePath(classpath);
    reportToolchain();

    CompilerPluginSettings compilerPlugin = useCompilerPluginSettings
        ? CompilerPluginSettings.of(project) : CompilerPluginSettings.of((org.codehaus.plexus.util.xml.Xpp3Dom) null);
    List<ProcessorPath> paths = given(annotationProcessorPaths) ? annotationProcessorPaths : compilerPlugin.processorPaths();
    List<String> processorNames = given(annotationProcessors) ? annotationProcessors : compilerPlugin.processors();
    List<String> args = given(compilerArgs) ? compilerArgs : compilerPlugin.compilerArgs();
    // without a processor path javac takes processors from the class path, unless processing is off
    List<Path> otherProcessorPath = !paths.isEmpty() ? resolve(paths)
        : compilerPlugin.processingOff() ? List.of() : classpath;

    ProcessorLoader loader = new ProcessorLoader(getClass().getClassLoader());
    Processor processor;
    try {
      processor = loader.load(selected);
    } catch (IllegalStateException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    Map<String, String> options = processorOptions(selected);
    String fingerprint = fingerprint(loader, sources, classNames, classpath, otherProcessorPath, processorNames, args,
        options, output);
    Optional<GenerationRecord> previous = GenerationRecord.read(recordFile);
    if (!force && previous.isPresent() && previous.get().fingerprint().equals(fingerprint)
        && previous.get().filesPresentIn(output, classOutput)) {
      project.addCompileSourceRoot(output.toString());
      getLog().info("kubegen: inputs unchanged since the last run, generation skipped ("
          + previous.get().files().size() + " files in " + relative(output) + ")");
      return;
    }

    Path staging = buildDirectory.resolve(STAGING_PATH);
    ProcessorRun.Request request = new ProcessorRun.Request(sources, classNames, classpath,
        staging.resolve("sources"), staging.resolve("classes"), options, args, blankToNull(release), charset());
    ProcessorRun.Result result;
    try (OtherProcessors others = OtherProcessors.load(otherProcessorPath, processorNames)) {
      if (!others.processors().isEmpty()) {
        getLog().info("kubegen: reading the model after the module's other annotation processors: "
            + String.join(", ", others.names()));
      }
      result = new ProcessorRun().run(request, processor, others.processors());
    } catch (IllegalStateException e) {
      throw new MojoExecutionException("kubegen: " + e.getMessage(), e);
    } catch (IOException | UncheckedIOException e) {
      throw new MojoExecutionException("kubegen: generation failed: " + e.getMessage(), e);
    }
    report(result);
    if (!result.success()) {
      List<ModelDiagnostic> errors = result.errors();
      throw new MojoFailureException("kubegen: " + errors.size() + " error(s) in the resource model:\n  "
          + errors.stream().map(ModelDiagnostic::toString).collect(Collectors.joining("\n  ")));
    }

    OutputSync.Outcome sourcesSynced;
    try {
      Files.deleteIfExists(recordFile);
      sourcesSynced = OutputSync.sync(request.sourceStaging(), output, result.sources(),
          previous.map(GenerationRecord::files).orElse(List.of()));
      OutputSync.sync(request.classStaging(), classOutput, result.resources(),
          previous.map(GenerationRecord::resources).orElse(List.of()));
    } catch (IOException | IllegalArgumentException e) {
      throw new MojoExecutionException("kubegen: cannot update the generated files in " + output + ": " + e.getMessage(), e);
    }
    try {
      new GenerationRecord(fingerprint, result.sources(), result.resources()).write(recordFile);
    } catch (IOException e) {
      getLog().warn("kubegen: cannot record this run in " + recordFile + " (" + e.getMessage()
          + "); the next build will generate again");
    }
    project.addCompileSourceRoot(output.toString());
    long millis = (System.nanoTime() - started) / 1_000_000;
    getLog().info("kubegen: " + result.resourceTypes().size() + " resource type(s), "
        + result.sources().size() + " file(s) written to " + relative(output) + " in " + millis + " ms ("
        + selected.stream().map(Generator::id).collect(Collectors.joining(", ")) + ")");
    getLog().info("Of these generated files " + sourcesSynced.written() + " changed, " + sourcesSynced.unchanged()
        + " are unchanged and were not touched; " + sourcesSynced.removed() + " stale one(s) removed");
  }

  private Set<Generator> selectedGenerators() throws MojoFailureException {
    try {
      return Generator.select(generators);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("kubegen: " + e.getMessage(), e);
    }
  }

  private static boolean given(List<?> list) {
    return list != null && !list.isEmpty();
  }

  private List<Path> resolve(List<ProcessorPath> paths) throws MojoExecutionException, MojoFailureException {
    try {
      return new ProcessorPathResolver(repositorySystem, session.getRepositorySession(), project).resolve(paths);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("kubegen: " + e.getMessage(), e);
    } catch (DependencyResolutionException e) {
      throw new MojoExecutionException("kubegen: cannot resolve the annotation processor path: " + e.getMessage(), e);
    }
  }

  /** Says that a configured JDK toolchain is not the JDK generation runs on. */
  private void reportToolchain() {
    Toolchain jdk = toolchainManager == null ? null : toolchainManager.getToolchainFromBuildContext("jdk", session);
    if (jdk != null) {
      getLog().info("kubegen: generation runs in the JDK running Maven (" + System.getProperty("java.home")
          + ", Java " + System.getProperty("java.version") + "), not in the toolchain's " + jdk
          + "; the sources are read with --release " + (blankToNull(release) == null ? "of that JDK" : release));
    }
  }

  private List<String> dependencyTypes(List<Path> classpath) throws MojoFailureException, MojoExecutionException {
    try {
      return new DependencyTypes(classpath).expand(
          includeDependencyTypes == null ? List.of() : includeDependencyTypes);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("kubegen: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException("kubegen: " + e.getMessage(), e);
    }
  }

  private Map<String, String> processorOptions(Set<Generator> selected) {
    Map<String, String> options = new LinkedHashMap<>();
    if (outputPackage != null && !outputPackage.isBlank()) {
      options.put("kubegen.outputPackage", outputPackage.trim());
    }
    options.put("kubegen.generators", Generator.option(selected));
    return options;
  }

  private String fingerprint(ProcessorLoader loader, List<Path> sources, List<String> classNames,
      List<Path> classpath, List<Path> otherProcessorPath, List<String> processorNames, List<String> args,
      Map<String, String> options, Path output) throws MojoExecutionException {
    try {
      InputFingerprint fingerprint = new InputFingerprint()
          .option("options", new TreeMap<>(options))
          .option("classNames", classNames)
          .option("release", blankToNull(release))
          .option("encoding", charset().name())
          .option("output", output)
          .option("processors", processorNames)
          .option("compilerArgs", args)
          .sources(sources);
      classpath.forEach(fingerprint::classpathEntry);
      fingerprint.option("processorPath", otherProcessorPath.size());
      otherProcessorPath.forEach(fingerprint::classpathEntry);
      // The generators' own code: a rebuilt processor jar means different output.
      loader.codeLocations().forEach(fingerprint::classpathEntry);
      return fingerprint.finish();
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException("kubegen: cannot read the inputs: " + e.getMessage(), e);
    }
  }

  private List<Path> sourceFiles(Path output) throws MojoExecutionException {
    List<Path> files = new ArrayList<>();
    for (String root : project.getCompileSourceRoots()) {
      Path dir = Path.of(root).toAbsolutePath().normalize();
      if (dir.equals(output) || !Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(p -> p.getFileName().toString().endsWith(".java") && Files.isRegularFile(p))
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw new MojoExecutionException("kubegen: cannot list sources in " + dir, e);
      }
    }
    return files;
  }

  /** The compile class path without this module's own output folder (which the sources replace). */
  private List<Path> classpath() throws MojoExecutionException {
    try {
      Path ownClasses = Path.of(project.getBuild().getOutputDirectory()).toAbsolutePath().normalize();
      return project.getCompileClasspathElements().stream()
          .map(e -> Path.of(e).toAbsolutePath().normalize())
          .filter(p -> !p.equals(ownClasses))
          .distinct()
          .toList();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("kubegen: the compile class path is not resolved", e);
    }
  }

  private void report(ProcessorRun.Result result) {
    for (ModelDiagnostic diagnostic : result.diagnostics()) {
      if (diagnostic.isError()) {
        getLog().error("kubegen: " + diagnostic);
      } else if (diagnostic.isWarning() && diagnostic.message().contains("[kubegen.")) {
        getLog().warn("kubegen: " + diagnostic);
      } else {
        // other processors' warnings and notes come again from the main compile
        getLog().debug("kubegen: " + diagnostic);
      }
    }
  }

  private Charset charset() throws MojoExecutionException {
    if (blankToNull(encoding) == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(encoding.trim());
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("kubegen: unknown source encoding '" + encoding + "'", e);
    }
  }

  private String relative(Path path) {
    Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
    return path.startsWith(base) ? base.relativize(path).toString() : path.toString();
  }

  /** Null for an unset value, including a default expression naming a property the project lacks. */
  private static String blankToNull(String value) {
    return value == null || value.isBlank() || value.trim().startsWith("${") ? null : value.trim();
  }
}
