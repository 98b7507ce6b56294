package io.kubegen.maven;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import javax.annotation.processing.Processor;

/**
 * Finds kubegen's annotation processors on a class loader through {@link ServiceLoader}, keeping
 * only kubegen's own (package {@code io.kubegen.}) and only the selected generators.
 *
 * <p>Each call creates new processor instances; safe to call from several threads.
 */
final class ProcessorLoader {

  /** Only processors whose class lives under this package are considered. */
  static final String KUBEGEN_PACKAGE = "io.kubegen.";

  private final ClassLoader classLoader;

  ProcessorLoader(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  /**
   * New instances of the processors of {@code generators}, in the order of {@link Generator}.
   *
   * @throws IllegalStateException when one of them is not on the class loader, or cannot be loaded
   */
  List<Processor> load(Set<Generator> generators) {
    Map<Generator, Processor> found = new EnumMap<>(Generator.class);
    ServiceLoader<Processor> loader = ServiceLoader.load(Processor.class, classLoader);
    for (ServiceLoader.Provider<Processor> provider : iterate(loader)) {
      String className = provider.type().getName();
      if (!className.startsWith(KUBEGEN_PACKAGE)) {
        continue;
      }
      for (Generator generator : generators) {
        if (generator.processorClassName().equals(className)) {
          found.put(generator, provider.get());
        }
      }
    }
    List<String> missing = new ArrayList<>();
    for (Generator generator : generators) {
      if (!found.containsKey(generator)) {
        missing.add(generator.id() + " (" + generator.processorClassName() + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("kubegen processors not found on the plugin's class path: "
          + String.join(", ", missing));
    }
    return new ArrayList<>(found.values());
  }

  /** The jar or folder a class was loaded from, when the class loader tells. */
  static Optional<Path> codeLocation(Class<?> type) {
    try {
      CodeSource source = type.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null
          || !"file".equals(source.getLocation().getProtocol())) {
        return Optional.empty();
      }
      return Optional.of(Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static List<ServiceLoader.Provider<Processor>> iterate(ServiceLoader<Processor> loader) {
    try {
      return loader.stream().toList();
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("Cannot load annotation processors: " + e.getMessage(), e);
    }
  }
}
