package io.kubegen.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.maven.plugin.logging.Log;

/**
 * Warns when kubegen's processor is also on the module's compile class path: then the main
 * compile discovers and runs it a second time (and fails on the files this goal already wrote).
 * The advice keeps the module's other processors (such as Lombok) running: remove the dependency,
 * or give the compiler a processor path without kubegen; never {@code <proc>none</proc>}, which
 * switches every processor off.
 *
 * <p>Stateless apart from the log; used by one execution.
 */
final class ProcessorPathCheck {

  static final String SERVICE_FILE = "META-INF/services/javax.annotation.processing.Processor";

  private final Log log;

  ProcessorPathCheck(Log log) {
    this.log = log;
  }

  /** Logs a warning naming the first class path entry that registers a kubegen processor. */
  void warnIfProcessorsOnCompilePath(List<Path> classpath) {
    for (Path entry : classpath) {
      if (registersKubegenProcessor(entry)) {
        log.warn("kubegen: " + entry.getFileName() + " on the compile class path registers kubegen's"
            + " annotation processor, so the main compile would run it again and fail on the files this goal"
            + " wrote. Remove that dependency (the plugin brings its own generators), or give maven-compiler-plugin"
            + " an <annotationProcessorPaths> list without kubegen (javac then takes processors only from it)."
            + " <proc>none</proc> would also switch off the module's other processors, such as Lombok.");
        return;
      }
    }
  }

  /** Whether the jar or folder lists a processor under {@code io.kubegen.} in its service file. */
  static boolean registersKubegenProcessor(Path entry) {
    try {
      if (Files.isDirectory(entry)) {
        Path services = entry.resolve(SERVICE_FILE);
        return Files.isRegularFile(services)
            && Files.readString(services, StandardCharsets.UTF_8).contains(ProcessorLoader.KUBEGEN_PACKAGE);
      }
      if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
        try (ZipFile zip = new ZipFile(entry.toFile())) {
          ZipEntry services = zip.getEntry(SERVICE_FILE);
          if (services == null) {
            return false;
          }
          try (InputStream in = zip.getInputStream(services)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(ProcessorLoader.KUBEGEN_PACKAGE);
          }
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }
}
