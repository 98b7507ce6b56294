package io.kubegen.maven;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import javax.annotation.processing.Processor;
import javax.tools.ToolProvider;

/**
 * The user's own annotation processors (Lombok, Immutables, AutoValue, ...), loaded the way javac
 * loads a processor path: from a class loader over the path whose parent is the compiler's own
 * loader (Lombok reaches into javac), found through {@link ServiceLoader} or, when named, by
 * class. kubegen's own processors ({@code io.kubegen.}) are left out: the plugin brings its own.
 * They run in the generate goal before kubegen's processor, so the model kubegen reads is the one
 * the main compile sees (Lombok's getters exist, generated records resolve).
 *
 * <p>Close it when the compilation is over. Used by one execution.
 */
final class OtherProcessors implements AutoCloseable {
  private final URLClassLoader loader;
  private final List<Processor> processors;

  private OtherProcessors(URLClassLoader loader, List<Processor> processors) {
    this.loader = loader;
    this.processors = List.copyOf(processors);
  }

  /**
   * The processors on {@code path}: the classes named in {@code names}, or, when none are named,
   * every processor the path registers.
   *
   * @throws IllegalStateException when a named processor cannot be loaded or a registered one fails to
   *     instantiate
   */
  static OtherProcessors load(List<Path> path, List<String> names) {
    if (path.isEmpty()) {
      return new OtherProcessors(null, List.of());
    }
    URLClassLoader loader = new URLClassLoader("kubegen-other-processors", urls(path),
        ToolProvider.getSystemJavaCompiler().getClass().getClassLoader());
    List<Processor> found = new ArrayList<>();
    try {
      if (names.isEmpty()) {
        ServiceLoader.load(Processor.class, loader).stream()
            .filter(p -> !p.type().getName().startsWith(ProcessorLoader.KUBEGEN_PACKAGE))
            .forEach(p -> found.add(p.get()));
      } else {
        for (String name : names) {
          if (!name.startsWith(ProcessorLoader.KUBEGEN_PACKAGE)) {
            found.add((Processor) loader.loadClass(name).getDeclaredConstructor().newInstance());
          }
        }
      }
    } catch (ServiceConfigurationError | ReflectiveOperationException | ClassCastException e) {
      closeQuietly(loader);
      throw new IllegalStateException("cannot load the annotation processors of the processor path: " + e.getMessage(), e);
    }
    return new OtherProcessors(loader, found);
  }

  /** The processors, in the order of the path. */
  List<Processor> processors() {
    return processors;
  }

  /** Their class names, for the log. */
  List<String> names() {
    return processors.stream().map(p -> p.getClass().getName()).toList();
  }

  @Override
  public void close() {
    closeQuietly(loader);
  }

  private static URL[] urls(List<Path> path) {
    URL[] urls = new URL[path.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = path.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("not a class path entry: " + path.get(i), e);
      }
    }
    return urls;
  }

  private static void closeQuietly(URLClassLoader loader) {
    if (loader != null) {
      try {
        loader.close();
      } catch (IOException e) {
        // nothing was written through it; a jar left open is harmless
      }
    }
  }
}
