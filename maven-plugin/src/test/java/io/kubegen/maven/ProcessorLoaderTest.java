package io.kubegen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.EnumSet;
import javax.annotation.processing.Processor;
import org.junit.jupiter.api.Test;

/** kubegen's one processor and its generator steps are found on the plugin's class path. */
class ProcessorLoaderTest {

  private final ProcessorLoader loader = new ProcessorLoader(getClass().getClassLoader());

  @Test
  void findsTheProcessorWhenEveryGeneratorIsThere() {
    Processor processor = loader.load(EnumSet.allOf(Generator.class));
    assertThat(processor.getClass().getName()).isEqualTo("io.kubegen.gen.processing.KubegenProcessor");
    assertThat(processor.getSupportedOptions()).contains("kubegen.generators", "kubegen.outputPackage");
  }

  @Test
  void newInstancesEachTime() {
    assertThat(loader.load(EnumSet.of(Generator.LISTER))).isNotSameAs(loader.load(EnumSet.of(Generator.LISTER)));
  }

  @Test
  void theCodeLocationsCoverTheProcessorAndEveryGenerator() {
    assertThat(loader.codeLocations()).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void namesTheGeneratorsThatAreMissing() throws Exception {
    try (URLClassLoader empty = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> new ProcessorLoader(empty).load(EnumSet.of(Generator.CLIENT, Generator.INFORMER)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("kubegen generators not found on the plugin's class path: "
              + "client (io.kubegen:kubegen-client-gen), informer (io.kubegen:kubegen-informer-gen)");
    }
  }
}
