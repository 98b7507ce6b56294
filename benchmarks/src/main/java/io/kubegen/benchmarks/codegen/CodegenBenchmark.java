package io.kubegen.benchmarks.codegen;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * How much kubegen's processors add to {@code javac}: compiles a synthetic model of N resource
 * types (default 200) in-process, after warm-up rounds, in five ways that alternate round by round:
 *
 * <ul>
 *   <li><b>A</b> the model alone, {@code -proc:none};
 *   <li><b>B</b> the model with every {@code io.kubegen.*} processor found on the class path, the
 *       generated sources compiled in the same run;
 *   <li><b>C</b> the processors alone, {@code -proc:only};
 *   <li><b>D</b> the model plus the sources B generated, {@code -proc:none};
 *   <li><b>E</b> the model with a processor that only writes B's output, verbatim, in its first
 *       round ({@link ReplayProcessor}): javac's own cost of getting that output through
 *       annotation processing, so B − E is what kubegen's reading and writing adds.
 * </ul>
 *
 * For each it prints the median and minimum wall time and thread CPU time (javac runs on the
 * calling thread) and javac's phase counts from a {@link TaskListener}: compilation units parsed
 * and entered, classes analysed (attributed and flow-checked) and generated, annotation processing
 * rounds. Then the size of the generated code, in total and per resource type, and per cumulative
 * generator selection (client; client + lister; all three). It works with kubegen's one
 * {@code KubegenProcessor} and with the three processors of earlier versions, so the same harness
 * measures before and after. The class path of this JVM is the compile class path.
 *
 * <p>Usage: {@code CodegenBenchmark [types] [rounds]} (defaults 200 and 10; 0 rounds measures only
 * the size of the generated code). Single-threaded; writes into a temporary directory it deletes
 * afterwards.
 */
public final class CodegenBenchmark {
  private static final String OUTPUT_PACKAGE = "bench.generated";
  private static final List<String> GENERATORS = List.of("client", "lister", "informer");
  private static final List<String> OLD_PROCESSORS = List.of("ClientGenProcessor", "ListerGenProcessor", "InformerGenProcessor");
  private static final String REPLAY = "replay";
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CodegenBenchmark() {}

  /** What one compilation cost and what javac did. */
  private record Run(long wallNanos, long cpuNanos, Map<TaskEvent.Kind, Integer> phases) {}

  /** How to compile: processors or none, and with {@code -proc:only} or not. */
  private record Mode(String name, String label, boolean processors, boolean processingOnly, String generators) {}

  /** The generated sources E replays (qualified name → content), read from B's first warm-up output. */
  private static Map<String, String> replayed = Map.of();

  public static void main(String[] args) throws IOException {
    int types = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    if (kubegenProcessors().isEmpty()) {
      throw new IllegalStateException("no io.kubegen processor on the class path");
    }
    Path work = Files.createTempDirectory("kubegen-codegen-bench");
    try {
      List<Path> sources = ModelSources.write(work.resolve("src"), types);
      Mode a = new Mode("plain", "A javac of the model, no processors", false, false, null);
      Mode b = new Mode("gen", "B javac of the model with the processors", true, false, null);
      Mode c = new Mode("only", "C processors only (-proc:only)", true, true, null);
      Mode d = new Mode("pre", "D javac of model + generated sources, no processors", false, false, null);
      Mode replay = new Mode("replay", "E model + a processor replaying B's output", true, false, REPLAY);
      if (rounds == 0) {
        sizes(work, sources, types);
        return;
      }
      for (int i = 0; i < 2; i++) {
        compile(work, "warm-a-" + i, sources, a);
        compile(work, "warm-b-" + i, sources, b);
      }
      List<Path> withGenerated = new ArrayList<>(sources);
      Path generated = work.resolve("warm-b-0").resolve("generated");
      withGenerated.addAll(javaFiles(generated));
      replayed = readSources(generated);
      Map<Mode, List<Run>> runs = new LinkedHashMap<>();
      for (Mode m : List.of(a, b, c, d, replay)) {
        runs.put(m, new ArrayList<>());
      }
      for (int i = 0; i < rounds; i++) {
        runs.get(a).add(compile(work, "a-" + i, sources, a));
        runs.get(b).add(compile(work, "b-" + i, sources, b));
        runs.get(c).add(compile(work, "c-" + i, sources, c));
        runs.get(d).add(compile(work, "d-" + i, withGenerated, d));
        runs.get(replay).add(compile(work, "e-" + i, sources, replay));
        delete(work.resolve("a-" + i));
        delete(work.resolve("e-" + i));
        delete(work.resolve("c-" + i));
        delete(work.resolve("d-" + i));
        if (i > 0) {
          delete(work.resolve("b-" + i));
        }
      }

      System.out.printf(Locale.ROOT, "processors: %s%n", names(kubegenProcessors()));
      System.out.printf(Locale.ROOT, "types: %d, rounds: %d (after 2 warm-up rounds), java %s, %d cpus, load average at end %.1f%n",
          types, rounds, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      System.out.println("                                                       wall ms (median/min)   cpu ms (median/min)   parsed entered analysed generated rounds");
      for (Map.Entry<Mode, List<Run>> e : runs.entrySet()) {
        List<Run> list = e.getValue();
        Map<TaskEvent.Kind, Integer> phases = list.get(0).phases();
        System.out.printf(Locale.ROOT, "%-54s %7d / %-7d       %7d / %-7d   %6d %7d %8d %9d %6d%n", e.getKey().label(),
            median(list, Run::wallNanos) / 1_000_000, min(list, Run::wallNanos) / 1_000_000,
            median(list, Run::cpuNanos) / 1_000_000, min(list, Run::cpuNanos) / 1_000_000,
            count(phases, TaskEvent.Kind.PARSE), count(phases, TaskEvent.Kind.ENTER),
            count(phases, TaskEvent.Kind.ANALYZE), count(phases, TaskEvent.Kind.GENERATE),
            count(phases, TaskEvent.Kind.ANNOTATION_PROCESSING_ROUND));
      }
      for (String what : List.of("wall", "cpu")) {
        java.util.function.ToLongFunction<Run> f = what.equals("wall") ? Run::wallNanos : Run::cpuNanos;
        long am = median(runs.get(a), f);
        long bm = median(runs.get(b), f);
        long dm = median(runs.get(d), f);
        long amin = min(runs.get(a), f);
        long bmin = min(runs.get(b), f);
        long dmin = min(runs.get(d), f);
        long em = median(runs.get(replay), f);
        long emin = min(runs.get(replay), f);
        System.out.printf(Locale.ROOT, "%s: B/A %.2f (medians), %.2f (minimums); (B-D)/D %.0f%% (medians), %.0f%% (minimums);"
                + " (E-D)/D %.0f%% / %.0f%%; (B-E)/D %.0f%% / %.0f%%%n",
            what, (double) bm / am, (double) bmin / amin, 100.0 * (bm - dm) / dm, 100.0 * (bmin - dmin) / dmin,
            100.0 * (em - dm) / dm, 100.0 * (emin - dmin) / dmin, 100.0 * (bm - em) / dm, 100.0 * (bmin - emin) / dmin);
      }
      sizes(work, sources, types);
    } finally {
      delete(work);
    }
  }

  /** The size of the generated code, for every generator and for each cumulative selection. */
  private static void sizes(Path work, List<Path> sources, int types) throws IOException {
    for (int n = 1; n <= GENERATORS.size(); n++) {
      List<String> selection = GENERATORS.subList(0, n);
      Mode m = new Mode("sel-" + n, String.join(" + ", selection), true, true, String.join(",", selection));
      Run run = compile(work, m.name(), sources, m);
      Size s = size(work.resolve(m.name()).resolve("generated"));
      System.out.printf(Locale.ROOT, "  %-26s %5d files %7d lines (%.2f files, %.1f lines per type), -proc:only %d ms%n",
          m.label(), s.files, s.lines, (double) s.files / types, (double) s.lines / types, run.wallNanos() / 1_000_000);
      if (n == GENERATORS.size()) {
        System.out.printf(Locale.ROOT, "generated: %d files, %d lines, %d KiB (%.2f files, %.1f lines per type)%n",
            s.files, s.lines, s.bytes / 1024, (double) s.files / types, (double) s.lines / types);
      }
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

  /** The processors of {@code mode}: for a selection, the single processor told so, or the earlier separate ones. */
  private static List<Processor> processorsFor(Mode mode) {
    if (REPLAY.equals(mode.generators())) {
      return List.of(new ReplayProcessor(replayed));
    }
    List<Processor> all = kubegenProcessors();
    if (mode.generators() == null || all.size() == 1) {
      return all;
    }
    List<String> wanted = OLD_PROCESSORS.subList(0, mode.generators().split(",").length);
    return all.stream().filter(p -> wanted.contains(p.getClass().getSimpleName())).toList();
  }

  /** Compiles {@code sources} into {@code work/name}. */
  private static Run compile(Path work, String name, List<Path> sources, Mode mode) throws IOException {
    Path out = work.resolve(name);
    Path classes = Files.createDirectories(out.resolve("classes"));
    Path generated = Files.createDirectories(out.resolve("generated"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    Map<TaskEvent.Kind, Integer> phases = new EnumMap<>(TaskEvent.Kind.class);
    long cpu = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-s", generated.toString(),
          "-classpath", System.getProperty("java.class.path"), "--release", "17", "-implicit:none",
          "-Akubegen.outputPackage=" + OUTPUT_PACKAGE));
      if (!mode.processors()) {
        options.add("-proc:none");
      } else if (mode.processingOnly()) {
        options.add("-proc:only");
      }
      if (mode.generators() != null && !REPLAY.equals(mode.generators())) {
        options.add("-Akubegen.generators=" + mode.generators());
      }
      JavaCompiler.CompilationTask task = javac.getTask(diagnostics, files, null, options, null,
          files.getJavaFileObjectsFromPaths(sources));
      if (mode.processors()) {
        task.setProcessors(processorsFor(mode));
      }
      ((JavacTask) task).addTaskListener(new TaskListener() {
        @Override
        public void started(TaskEvent e) {
          if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING_ROUND) {
            phases.merge(e.getKind(), 1, Integer::sum);
          }
        }

        @Override
        public void finished(TaskEvent e) {
          if (e.getKind() != TaskEvent.Kind.ANNOTATION_PROCESSING_ROUND) {
            phases.merge(e.getKind(), 1, Integer::sum);
          }
        }
      });
      if (!task.call()) {
        throw new IllegalStateException("compilation failed:\n" + diagnostics);
      }
    }
    return new Run(System.nanoTime() - start, THREADS.getCurrentThreadCpuTime() - cpu, phases);
  }

  private static int count(Map<TaskEvent.Kind, Integer> phases, TaskEvent.Kind kind) {
    return phases.getOrDefault(kind, 0);
  }

  private static List<Path> javaFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
  }

  /** The {@code .java} files under {@code dir} by qualified type name, in name order. */
  private static Map<String, String> readSources(Path dir) throws IOException {
    Map<String, String> out = new java.util.TreeMap<>();
    for (Path f : javaFiles(dir)) {
      String relative = dir.relativize(f).toString();
      out.put(relative.substring(0, relative.length() - ".java".length()).replace(java.io.File.separatorChar, '.'),
          Files.readString(f));
    }
    return out;
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

  private static long median(List<Run> runs, java.util.function.ToLongFunction<Run> f) {
    long[] sorted = runs.stream().mapToLong(f).sorted().toArray();
    return sorted[sorted.length / 2];
  }

  private static long min(List<Run> runs, java.util.function.ToLongFunction<Run> f) {
    return runs.stream().mapToLong(f).min().orElseThrow();
  }

  private static String names(List<Processor> processors) {
    return String.join(", ", processors.stream().map(p -> p.getClass().getSimpleName()).toList());
  }

  private static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
