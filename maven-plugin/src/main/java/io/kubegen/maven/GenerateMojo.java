package io.kubegen.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Generates kubegen's clientset, listers and informers for the annotated resource types of this
 * module (and for named types from its dependencies).
 *
 * <p>Runs the selected kubegen annotation processors in-process with the JDK's compiler and
 * {@code -proc:only} over the module's compile source roots and class path, writes the generated
 * sources to {@link #outputDirectory} and adds it as a compile source root. A problem in the model
 * fails the build, naming the file, line and message id ({@code [kubegen.xxx]}). When nothing the
 * generation depends on has changed since the last successful run, generation is skipped.
 *
 * <p>Thread-safe: every execution works on its own project, compiler task and processor instances.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.COMPILE)
public class GenerateMojo extends AbstractMojo {

  /** The record of the last successful run, under the build directory. */
  static final String RECORD_PATH = "kubegen-maven-plugin/last-generation.txt";

  /** The project being built. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /**
   * The base package of the generated code. Left empty, the processors use
   * {@code <package of the types>.generated} when all types share one root package, and fail
   * asking for this parameter otherwise. Passed on as {@code -Akubegen.outputPackage}.
   */
  @Parameter(property = "kubegen.outputPackage")
  private String outputPackage;

  /** Where the generated sources are written; added to the compile source roots. */
  @Parameter(property = "kubegen.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/kubegen", required = true)
  private File outputDirectory;

  /**
   * Which generators to run: any of {@code client}, {@code lister} and {@code informer}
   * (comma-separated on the command line). Empty means all three. Listers and informers refer to
   * the clientset, so {@code client} is normally among them.
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

  /** Skips generation altogether (the output directory is then not added either). */
  @Parameter(property = "kubegen.skip", defaultValue = "false")
  private boolean skip;

  /** Regenerates even when no input changed since the last run. */
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
    Path recordFile = buildDirectory.resolve(RECORD_PATH);

    List<Path> sources = includeSources ? sourceFiles(output) : List.of();
    List<Path> classpath = classpath();
    List<String> classNames = dependencyTypes(classpath);
    if (sources.isEmpty() && classNames.isEmpty()) {
      getLog().info("kubegen: no sources and no includeDependencyTypes, nothing to generate");
      return;
    }
    new ProcessorPathCheck(getLog()).warnIfProcessorsOnCompilePath(classpath);

    ProcessorLoader loader = new ProcessorLoader(getClass().getClassLoader());
    Processor processor;
    try {
      processor = loader.load(selected);
    } catch (IllegalStateException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    Map<String, String> options = processorOptions(selected);
    String fingerprint = fingerprint(loader, sources, classNames, classpath, options, output);
    Optional<GenerationRecord> previous = GenerationRecord.read(recordFile);
    if (!force && previous.isPresent() && previous.get().fingerprint().equals(fingerprint)
        && previous.get().filesPresentIn(output)) {
      project.addCompileSourceRoot(output.toString());
      getLog().info("kubegen: inputs unchanged since the last run, generation skipped ("
          + previous.get().files().size() + " files in " + relative(output) + ")");
      return;
    }

    removePreviousOutput(previous, output, buildDirectory, recordFile);
    ProcessorRun.Request request = new ProcessorRun.Request(sources, classNames, classpath, output,
        Path.of(project.getBuild().getOutputDirectory()), options, blankToNull(release), charset());
    ProcessorRun.Result result;
    try {
      result = new ProcessorRun().run(request, List.of(processor));
    } catch (IOException | UncheckedIOException e) {
      throw new MojoExecutionException("kubegen: generation failed: " + e.getMessage(), e);
    }
    report(result);
    if (!result.success()) {
      List<ModelDiagnostic> errors = result.errors();
      throw new MojoFailureException("kubegen: " + errors.size() + " error(s) in the resource model:\n  "
          + errors.stream().map(ModelDiagnostic::toString).collect(Collectors.joining("\n  ")));
    }

    List<String> written = result.writtenSources().stream()
        .filter(p -> p.startsWith(output))
        .map(p -> output.relativize(p).toString().replace(File.separatorChar, '/'))
        .sorted()
        .toList();
    try {
      new GenerationRecord(fingerprint, written).write(recordFile);
    } catch (IOException e) {
      getLog().warn("kubegen: cannot record this run in " + recordFile + " (" + e.getMessage()
          + "); the next build will generate again");
    }
    project.addCompileSourceRoot(output.toString());
    long millis = (System.nanoTime() - started) / 1_000_000;
    getLog().info("kubegen: " + result.resourceTypes().size() + " resource type(s), "
        + written.size() + " file(s) written to " + relative(output) + " in " + millis + " ms ("
        + selected.stream().map(Generator::id).collect(Collectors.joining(", ")) + ")");
  }

  private Set<Generator> selectedGenerators() throws MojoFailureException {
    try {
      return Generator.select(generators);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("kubegen: " + e.getMessage(), e);
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
      List<Path> classpath, Map<String, String> options, Path output) throws MojoExecutionException {
    try {
      InputFingerprint fingerprint = new InputFingerprint()
          .option("options", new java.util.TreeMap<>(options))
          .option("classNames", classNames)
          .option("release", blankToNull(release))
          .option("encoding", charset().name())
          .option("output", output)
          .sources(sources);
      classpath.forEach(fingerprint::classpathEntry);
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

  private void removePreviousOutput(Optional<GenerationRecord> previous, Path output,
      Path buildDirectory, Path recordFile) throws MojoExecutionException {
    try {
      Files.deleteIfExists(recordFile);
      if (output.startsWith(buildDirectory) && !output.equals(buildDirectory)) {
        deleteTree(output);
      } else if (previous.isPresent()) {
        for (String name : previous.get().files()) {
          Path file = output.resolve(name).normalize();
          if (file.startsWith(output)) {
            Files.deleteIfExists(file);
          }
        }
      }
    } catch (IOException e) {
      throw new MojoExecutionException("kubegen: cannot remove the previous output in " + output, e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private void report(ProcessorRun.Result result) {
    for (ModelDiagnostic diagnostic : result.diagnostics()) {
      if (diagnostic.isError()) {
        getLog().error("kubegen: " + diagnostic);
      } else if (diagnostic.isWarning()) {
        getLog().warn("kubegen: " + diagnostic);
      } else {
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
