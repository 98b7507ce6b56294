package io.kubegen.runtime.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures what kubegen logs, at TRACE, while open. The test binding is slf4j-simple, which
 * writes to {@code System.err} and fixes each logger's level when the logger is made; so this
 * swaps {@code System.err} and {@code System.out} for a buffer and lowers the level of the
 * logger of every class in {@code io.kubegen.runtime} (slf4j caches loggers by name, so a class's
 * {@code static final LOG} is the very logger changed here). Closing restores both. Not
 * thread-safe; test classes run one at a time.
 */
final class LogCapture implements AutoCloseable {
  private static final int TRACE = 0;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final PrintStream originalErr = System.err;
  private final PrintStream originalOut = System.out;
  private final Map<Logger, Integer> levels = new IdentityHashMap<>();

  private LogCapture() {
    Field level = levelField();
    for (String name : runtimeClassNames()) {
      Logger logger = LoggerFactory.getLogger(name);
      try {
        levels.put(logger, level.getInt(logger));
        level.setInt(logger, TRACE);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    System.setErr(capture);
    System.setOut(capture);
  }

  /** Starts capturing every kubegen runtime logger at TRACE. */
  static LogCapture trace() {
    return new LogCapture();
  }

  /** Everything logged so far. */
  String text() {
    return buffer.toString(StandardCharsets.UTF_8);
  }

  /** The log lines so far. */
  List<String> lines() {
    return text().lines().toList();
  }

  @Override
  public void close() {
    System.setErr(originalErr);
    System.setOut(originalOut);
    Field level = levelField();
    levels.forEach((logger, old) -> {
      try {
        level.setInt(logger, old);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static Field levelField() {
    try {
      Field field = Class.forName("org.slf4j.simple.SimpleLogger").getDeclaredField("currentLogLevel");
      field.setAccessible(true);
      return field;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the tests expect slf4j-simple as the logging binding", e);
    }
  }

  /** The top-level classes of {@code io.kubegen.runtime}, found in the compiled classes. */
  private static List<String> runtimeClassNames() {
    try {
      Path classes = Path.of(RestConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path root = classes.resolve("io/kubegen/runtime");
      try (Stream<Path> files = Files.walk(root)) {
        return files.map(p -> classes.relativize(p).toString())
            .filter(p -> p.endsWith(".class") && !p.contains("$"))
            .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
