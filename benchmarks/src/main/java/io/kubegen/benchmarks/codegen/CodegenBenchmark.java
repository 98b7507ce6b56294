package io.kubegen.benchmarks.codegen;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * How much kubegen's processors add to {@code javac}: compiles a synthetic model of N resource
 * types (default 200) in-process, once with {@code -proc:none} and once with every
 * {@code io.kubegen.*} processor found on the class path (client-gen, and lister-gen and
 * informer-gen when present), with the processors alone ({@code -proc:only}), and the model plus
 * the already generated sources without processors; rounds alternate after warm-up rounds. It
 * prints the median times, the ratios and the size of the generated code. The class path of this JVM is the compile class path.
 *
 * <p>Usage: {@code CodegenBenchmark [types] [rounds]}. Single-threaded; writes into a temporary
 * directory it deletes afterwards.
 */
public final class CodegenBenchmark {
  private CodegenBenchmark() {}

  public static void main(String[] args) throws IOException {
    int types = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<Processor> processors = kubegenProcessors();
    if (processors.isEmpty()) {
      throw new IllegalStateException("no io.kubegen processor on the class path");
    }
    Path work = Files.createTempDirectory("kubegen-codegen-bench");
    try {
      List<Path> sources = ModelSources.write(work.resolve("src"), types);
      for (int i = 0; i < 2; i++) {
        compile(work, "warm-plain-" + i, sources, List.of(), false);
        compile(work, "warm-gen-" + i, sources, kubegenProcessors(), false);
      }
      List<Path> withGenerated = new ArrayList<>(sources);
      withGenerated.addAll(javaFiles(work.resolve("warm-gen-0").resolve("generated")));
      long[] plain = new long[rounds];
      long[] generated = new long[rounds];
      long[] processingOnly = new long[rounds];
      long[] pregenerated = new long[rounds];
      for (int i = 0; i < rounds; i++) {
        plain[i] = compile(work, "plain-" + i, sources, List.of(), false);
        generated[i] = compile(work, "gen-" + i, sources, kubegenProcessors(), false);
        processingOnly[i] = compile(work, "only-" + i, sources, kubegenProcessors(), true);
        pregenerated[i] = compile(work, "pre-" + i, withGenerated, List.of(), false);
      }
      // cumulative sets in dependency order (informer-gen's output refers to client-gen's and lister-gen's)
      List<String> order = List.of("ClientGenProcessor", "ListerGenProcessor", "InformerGenProcessor");
      for (int n = 1; n <= processors.size() && processors.size() > 1; n++) {
        List<String> names = order.subList(0, Math.min(n, order.size()));
        long[] times = new long[rounds];
        for (int i = 0; i < rounds; i++) {
          List<Processor> set = kubegenProcessors().stream()
              .filter(p -> names.contains(p.getClass().getSimpleName())).toList();
          times[i] = compile(work, "set-" + n + "-" + i, sources, set, true);
        }
        System.out.printf(Locale.ROOT, "C' %s (-proc:only): median %d ms, min %d ms %s%n", names,
            median(times) / 1_000_000, min(times) / 1_000_000, millis(times));
      }
      Size size = size(work.resolve("gen-0").resolve("generated"));
      long p = median(plain);
      long g = median(generated);
      long pre = median(pregenerated);
      System.out.printf(Locale.ROOT, "processors: %s%n", names(processors));
      System.out.printf(Locale.ROOT, "types: %d, rounds: %d (after 2 warm-up rounds), java %s, %d cpus%n", types, rounds,
          System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
      System.out.printf(Locale.ROOT, "A javac of the model, no processors:            median %6d ms %s%n", p / 1_000_000, millis(plain));
      System.out.printf(Locale.ROOT, "B javac of the model with processors (full):   median %6d ms %s%n", g / 1_000_000, millis(generated));
      System.out.printf(Locale.ROOT, "C processors only (-proc:only):                 median %6d ms %s%n",
          median(processingOnly) / 1_000_000, millis(processingOnly));
      System.out.printf(Locale.ROOT, "D javac of model + generated sources, no proc:  median %6d ms %s%n", pre / 1_000_000,
          millis(pregenerated));
      System.out.printf(Locale.ROOT, "medians: B/A %.2f; processor overhead (B-D)/D %.0f%%%n", (double) g / p,
          100.0 * (g - pre) / pre);
      long pMin = min(plain);
      long gMin = min(generated);
      long preMin = min(pregenerated);
      System.out.printf(Locale.ROOT, "minimums (least disturbed on a busy machine): A %d, B %d, C %d, D %d ms;"
          + " B/A %.2f; (B-D)/D %.0f%%%n", pMin / 1_000_000, gMin / 1_000_000, min(processingOnly) / 1_000_000,
          preMin / 1_000_000, (double) gMin / pMin, 100.0 * (gMin - preMin) / preMin);
      System.out.printf(Locale.ROOT, "generated: %d files, %d lines, %d KiB (%.1f files, %.0f lines per type)%n",
          size.files, size.lines, size.bytes / 1024, (double) size.files / types, (double) size.lines / types);
    } finally {
      delete(work);
    }
  }

  private static List<Processor> kubegenProcessors() {
    List<Processor> out = new ArrayList<>();
    for (Processor p : ServiceLoader.load(Processor.class)) {
      if (p.getClass().getName().startsWith("io.kubegen.")) {
        out.add(p);
      }
    }
    out.sort(Comparator.comparing(p -> p.getClass().getName()));
    return out;
  }

  /** Compiles {@code sources} into {@code work/name}; returns the wall time in nanoseconds. */
  private static long compile(Path work, String name, List<Path> sources, List<Processor> processors,
      boolean processingOnly) throws IOException {
    Path out = work.resolve(name);
    Path classes = Files.createDirectories(out.resolve("classes"));
    Path generated = Files.createDirectories(out.resolve("generated"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    long start = System.nanoTime();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-s", generated.toString(),
          "-classpath", System.getProperty("java.class.path"), "--release", "17", "-implicit:none"));
      if (processors.isEmpty()) {
        options.add("-proc:none");
      } else if (processingOnly) {
        options.add("-proc:only");
      }
      JavaCompiler.CompilationTask task = javac.getTask(diagnostics, files, null, options, null,
          files.getJavaFileObjectsFromPaths(sources));
      if (!processors.isEmpty()) {
        task.setProcessors(processors);
      }
      if (!task.call()) {
        throw new IllegalStateException("compilation failed:\n" + diagnostics);
      }
    }
    return System.nanoTime() - start;
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  private record Size(long files, long lines, long bytes) {}

  private static Size size(Path dir) throws IOException {
    long files = 0;
    long lines = 0;
    long bytes = 0;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
        files++;
        bytes += Files.size(p);
        lines += Files.readAllLines(p).size();
      }
    }
    return new Size(files, lines, bytes);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static long min(long[] values) {
    return Arrays.stream(values).min().orElseThrow();
  }

  private static String millis(long[] values) {
    return Arrays.toString(Arrays.stream(values).map(v -> v / 1_000_000).toArray());
  }

  private static String names(List<Processor> processors) {
    return String.join(", ", processors.stream().map(p -> p.getClass().getSimpleName()).toList());
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
