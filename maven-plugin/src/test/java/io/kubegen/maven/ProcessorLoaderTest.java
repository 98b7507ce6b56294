package io.kubegen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.EnumSet;
import java.util.List;
import javax.annotation.processing.Processor;
import org.junit.jupiter.api.Test;

/** The generators' processors are found on the plugin's class path by the names the plugin uses. */
class ProcessorLoaderTest {

  private final ProcessorLoader loader = new ProcessorLoader(getClass().getClassLoader());

  @Test
  void findsEveryGeneratorsProcessor() {
    List<Processor> processors = loader.load(EnumSet.allOf(Generator.class));
    assertThat(processors).extracting(p -> p.getClass().getName()).containsExactly(
        Generator.CLIENT.processorClassName(), Generator.LISTER.processorClassName(),
        Generator.INFORMER.processorClassName());
  }

  @Test
  void loadsOnlyTheSelectedOnesAndNewInstancesEachTime() {
    List<Processor> first = loader.load(EnumSet.of(Generator.LISTER));
    List<Processor> second = loader.load(EnumSet.of(Generator.LISTER));
    assertThat(first).singleElement().extracting(p -> p.getClass().getName())
        .isEqualTo("io.kubegen.listergen.ListerGenProcessor");
    assertThat(first.get(0)).isNotSameAs(second.get(0));
  }

  @Test
  void namesTheProcessorsThatAreMissing() throws Exception {
    try (URLClassLoader empty = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> new ProcessorLoader(empty).load(EnumSet.of(Generator.CLIENT, Generator.INFORMER)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("kubegen processors not found on the plugin's class path: "
              + "client (io.kubegen.clientgen.ClientGenProcessor), informer (io.kubegen.informergen.InformerGenProcessor)");
    }
  }
}
