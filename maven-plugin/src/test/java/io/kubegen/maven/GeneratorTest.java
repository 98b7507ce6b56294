package io.kubegen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorTest {

  @Test
  void emptyMeansTheCodeGenerators() {
    assertThat(Generator.select(null)).containsExactly(Generator.CLIENT, Generator.LISTER, Generator.INFORMER);
    assertThat(Generator.select(List.of())).containsExactly(Generator.CLIENT, Generator.LISTER, Generator.INFORMER);
  }

  @Test
  void crdIsSelectedByName() {
    assertThat(Generator.select(List.of("client,lister,informer,crd"))).containsExactly(Generator.values());
    assertThat(Generator.option(Generator.select(List.of("crd")))).isEqualTo("crd");
  }

  @Test
  void namesAreCaseInsensitiveAndMayBeCommaSeparated() {
    assertThat(Generator.select(List.of(" Client ,lister"))).containsExactly(Generator.CLIENT, Generator.LISTER);
  }

  @Test
  void anUnknownNameListsTheAllowedOnes() {
    assertThatThrownBy(() -> Generator.select(List.of("clients")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown generator 'clients'; use any of client, lister, informer, crd");
  }
}
