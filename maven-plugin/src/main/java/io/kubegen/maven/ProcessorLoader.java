package io.kubegen.maven;

import io.kubegen.gen.processing.GeneratorStep;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import javax.annotation.processing.Processor;

/**
 * Finds kubegen's annotation processor and its generator steps on a class loader through
 * {@link ServiceLoader} (only kubegen's own, package {@code io.kubegen.}), and checks that the
 * selected generators are there.
 *
 * <p>Each call creates a new processor instance; safe to call from several threads.
 */
final class ProcessorLoader {

  /** Only processors whose class lives under this package are considered. */
  static final String KUBEGEN_PACKAGE = "io.kubegen.";

  private final ClassLoader classLoader;

  ProcessorLoader(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  /**
   * A new instance of kubegen's processor, which runs the steps of {@code generators} (passed as
   * {@code -Akubegen.generators}).
   *
   * @throws IllegalStateException when the processor or a selected generator is not on the class
   *     loader, or cannot be loaded
   */
  Processor load(Set<Generator> generators) {
    Set<String> steps = new LinkedHashSet<>();
    try {
      ServiceLoader.load(GeneratorStep.class, classLoader).stream()
          .filter(p -> p.type().getName().startsWith(KUBEGEN_PACKAGE))
          .forEach(p -> steps.add(p.get().id()));
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("Cannot load kubegen's generators: " + e.getMessage(), e);
    }
    List<String> missing = new ArrayList<>();
    for (Generator generator : generators) {
      if (!steps.contains(generator.id())) {
        missing.add(generator.id() + " (" + generator.artifact() + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("kubegen generators not found on the plugin's class path: "
          + String.join(", ", missing));
    }
    return processor();
  }

  /** The code locations (jars or folders) of the processor and every kubegen generator step. */
  List<Path> codeLocations() {
    List<Path> out = new ArrayList<>();
    processorProviders().forEach(p -> codeLocation(p.type()).ifPresent(out::add));
    ServiceLoader.load(GeneratorStep.class, classLoader).stream()
        .filter(p -> p.type().getName().startsWith(KUBEGEN_PACKAGE))
        .forEach(p -> codeLocation(p.type()).ifPresent(out::add));
    return out.stream().distinct().toList();
  }

  private Processor processor() {
    return processorProviders().stream().findFirst()
        .orElseThrow(() -> new IllegalStateException(
            "kubegen's annotation processor (io.kubegen:kubegen-gen-core) is not on the plugin's class path"))
        .get();
  }

  private List<ServiceLoader.Provider<Processor>> processorProviders() {
    try {
      return ServiceLoader.load(Processor.class, classLoader).stream()
          .filter(p -> p.type().getName().startsWith(KUBEGEN_PACKAGE))
          .toList();
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("Cannot load annotation processors: " + e.getMessage(), e);
    }
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
}
