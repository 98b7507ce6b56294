package io.kubegen.maven;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Runs kubegen's processor, after the user's other processors, in-process with the JDK's compiler
 * and {@code -proc:only}: no class files are written, and everything the processors generate goes
 * to staging folders, from which the caller copies kubegen's own files.
 *
 * <p>Each {@link #run} is one independent compilation; instances are immutable and may be
 * shared between threads, but the processors passed to one run must not be passed to another.
 */
final class ProcessorRun {

  /** Options the generate goal sets itself, or that would stop it: dropped from the user's compiler arguments. */
  private static final Set<String> OWN_OPTIONS_WITH_VALUE = Set.of("-d", "-s", "-processor", "-processorpath",
      "--processor-path", "--processor-module-path", "--release", "-source", "--source", "-target", "--target",
      "-encoding", "-classpath", "-cp", "--class-path", "-sourcepath", "--source-path");

  /**
   * What to compile and where generated files go.
   *
   * @param sources the source files to process
   * @param classNames fully qualified names of types to process from class files on the class path
   * @param classpath the class path the sources are compiled against
   * @param sourceStaging where generated sources go ({@code -s}); emptied first
   * @param classStaging where generated resources go ({@code -d}); emptied first
   * @param processorOptions {@code -Akey=value} options (they win over the same key in {@code compilerArgs})
   * @param compilerArgs the user's further compiler arguments (those the goal sets itself are left out)
   * @param release the {@code --release} value, or null for the running JDK's
   * @param encoding the source encoding
   */
  record Request(List<Path> sources, List<String> classNames, List<Path> classpath,
      Path sourceStaging, Path classStaging, Map<String, String> processorOptions, List<String> compilerArgs,
      String release, Charset encoding) {

    Request {
      sources = List.copyOf(sources);
      classNames = List.copyOf(classNames);
      classpath = List.copyOf(classpath);
      processorOptions = Map.copyOf(processorOptions);
      compilerArgs = List.copyOf(compilerArgs);
    }
  }

  /**
   * The outcome of one run.
   *
   * @param success whether the compiler reported no error
   * @param diagnostics every distinct error, warning and note, in the order first reported
   * @param sources kubegen's generated sources, relative to the source staging folder, sorted
   * @param resources kubegen's generated resources, relative to the class staging folder, sorted
   * @param resourceTypes qualified names of the {@code @GenClient} types that were processed
   */
  record Result(boolean success, List<ModelDiagnostic> diagnostics, List<String> sources, List<String> resources,
      Set<String> resourceTypes) {

    /** The errors. */
    List<ModelDiagnostic> errors() {
      return diagnostics.stream().filter(ModelDiagnostic::isError).toList();
    }
  }

  private final JavaCompiler compiler;

  ProcessorRun() {
    this(ToolProvider.getSystemJavaCompiler());
  }

  ProcessorRun(JavaCompiler compiler) {
    if (compiler == null) {
      throw new IllegalStateException("No Java compiler in this runtime: run Maven on a JDK, not a JRE");
    }
    this.compiler = compiler;
  }

  /**
   * Runs {@code others} then {@code kubegen} (after a counter of resource types) over the request's
   * inputs; only the files {@code kubegen} creates are in the result.
   */
  Result run(Request request, Processor kubegen, List<Processor> others) throws IOException {
    emptyFolder(request.sourceStaging());
    emptyFolder(request.classStaging());
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    ResourceTypeCounter counter = new ResourceTypeCounter();
    AttributedProcessor attributed = new AttributedProcessor(kubegen);
    List<Processor> all = new ArrayList<>();
    all.add(counter);
    all.addAll(others);
    all.add(attributed);

    try (StandardJavaFileManager files = compiler.getStandardFileManager(collector, Locale.ROOT, request.encoding())) {
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, request.classpath());
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(request.sourceStaging()));
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(request.classStaging()));
      // Only the listed sources are read; nothing is looked up on a source path.
      files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(request.sources());
      StringWriter out = new StringWriter();
      JavaCompiler.CompilationTask task = compiler.getTask(out, files, collector,
          options(request), request.classNames().isEmpty() ? null : request.classNames(), units);
      task.setProcessors(all);
      task.setLocale(Locale.ROOT);
      boolean success = task.call();
      Set<ModelDiagnostic> unique = new LinkedHashSet<>();
      collector.getDiagnostics().forEach(d -> unique.add(ModelDiagnostic.of(d)));
      List<ModelDiagnostic> diagnostics = new ArrayList<>(unique);
      if (!out.toString().isBlank()) {
        diagnostics.add(new ModelDiagnostic(success ? javax.tools.Diagnostic.Kind.NOTE
            : javax.tools.Diagnostic.Kind.ERROR, "", out.toString().strip()));
      }
      return new Result(success, List.copyOf(diagnostics), under(request.sourceStaging(), attributed.created()),
          under(request.classStaging(), attributed.created()), counter.types());
    }
  }

  /** The files of {@code created} inside {@code folder}, relative to it with {@code /}, sorted. */
  private static List<String> under(Path folder, Set<URI> created) {
    Set<String> out = new TreeSet<>();
    Path root = folder.toAbsolutePath().normalize();
    for (URI uri : created) {
      if ("file".equals(uri.getScheme())) {
        Path p = Path.of(uri).toAbsolutePath().normalize();
        if (p.startsWith(root)) {
          out.add(root.relativize(p).toString().replace(java.io.File.separatorChar, '/'));
        }
      }
    }
    return List.copyOf(out);
  }

  static List<String> options(Request request) {
    List<String> options = new ArrayList<>();
    List<String> args = request.compilerArgs();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (OWN_OPTIONS_WITH_VALUE.contains(arg)) {
        i++;
      } else if (!arg.startsWith("-proc:") && !arg.startsWith("-implicit:") && !arg.equals("-Werror")
          && !arg.startsWith("--release=")) {
        options.add(arg);
      }
    }
    options.add("-proc:only");
    options.add("-implicit:none");
    if (request.release() != null && !request.release().isBlank()) {
      options.add("--release");
      options.add(request.release().trim());
    }
    request.processorOptions().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> options.add("-A" + e.getKey() + "=" + e.getValue()));
    return options;
  }

  private static void emptyFolder(Path folder) throws IOException {
    if (Files.exists(folder)) {
      try (Stream<Path> walk = Files.walk(folder)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(folder);
  }
}
