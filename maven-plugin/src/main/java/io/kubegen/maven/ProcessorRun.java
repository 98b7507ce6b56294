package io.kubegen.maven;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Runs annotation processors in-process with the JDK's compiler and {@code -proc:only}: no
 * class files are written, only what the processors generate.
 *
 * <p>Each {@link #run} is one independent compilation; instances are immutable and may be
 * shared between threads, but the processors passed to one run must not be passed to another.
 */
final class ProcessorRun {

  /**
   * What to compile and where generated files go.
   *
   * @param sources the source files to process
   * @param classNames fully qualified names of types to process from class files on the class path
   * @param classpath the class path the sources are compiled against
   * @param sourceOutput where generated sources go ({@code -s})
   * @param classOutput where generated resources go ({@code -d})
   * @param processorOptions {@code -Akey=value} options
   * @param release the {@code --release} value, or null for the running JDK's
   * @param encoding the source encoding
   */
  record Request(List<Path> sources, List<String> classNames, List<Path> classpath,
      Path sourceOutput, Path classOutput, Map<String, String> processorOptions,
      String release, Charset encoding) {

    Request {
      sources = List.copyOf(sources);
      classNames = List.copyOf(classNames);
      classpath = List.copyOf(classpath);
      processorOptions = Map.copyOf(processorOptions);
    }
  }

  /**
   * The outcome of one run.
   *
   * @param success whether the compiler reported no error
   * @param diagnostics every distinct error, warning and note, in the order first reported
   * @param writtenSources absolute paths of the generated source files
   * @param resourceTypes qualified names of the {@code @GenClient} types that were processed
   */
  record Result(boolean success, List<ModelDiagnostic> diagnostics, Set<Path> writtenSources,
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

  /** Runs {@code processors} (after a counter of resource types) over the request's inputs. */
  Result run(Request request, List<Processor> processors) throws IOException {
    Files.createDirectories(request.sourceOutput());
    Files.createDirectories(request.classOutput());
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    StandardJavaFileManager standard =
        compiler.getStandardFileManager(collector, Locale.ROOT, request.encoding());
    standard.setLocationFromPaths(StandardLocation.CLASS_PATH, request.classpath());
    standard.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(request.sourceOutput()));
    standard.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(request.classOutput()));
    // Only the listed sources are read; nothing is looked up on a source path.
    standard.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());

    ResourceTypeCounter counter = new ResourceTypeCounter();
    List<Processor> all = new ArrayList<>();
    all.add(counter);
    all.addAll(processors);

    try (RecordingFileManager fileManager = new RecordingFileManager(standard)) {
      Iterable<? extends JavaFileObject> units = standard.getJavaFileObjectsFromPaths(request.sources());
      StringWriter out = new StringWriter();
      JavaCompiler.CompilationTask task = compiler.getTask(out, fileManager, collector,
          options(request), request.classNames().isEmpty() ? null : request.classNames(), units);
      task.setProcessors(all);
      task.setLocale(Locale.ROOT);
      boolean success = task.call();
      // Keep each message once, whoever reports it.
      Set<ModelDiagnostic> unique = new LinkedHashSet<>();
      collector.getDiagnostics().forEach(d -> unique.add(ModelDiagnostic.of(d)));
      List<ModelDiagnostic> diagnostics = new ArrayList<>(unique);
      if (!out.toString().isBlank()) {
        diagnostics.add(new ModelDiagnostic(success ? javax.tools.Diagnostic.Kind.NOTE
            : javax.tools.Diagnostic.Kind.ERROR, "", out.toString().strip()));
      }
      return new Result(success, List.copyOf(diagnostics), fileManager.writtenSources(), counter.types());
    }
  }

  private static List<String> options(Request request) {
    List<String> options = new ArrayList<>();
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
}
