package io.kubegen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorTest {

  @Test
  void emptyMeansAll() {
    assertThat(Generator.select(null)).containsExactly(Generator.values());
    assertThat(Generator.select(List.of())).containsExactly(Generator.values());
  }

  @Test
  void namesAreCaseInsensitiveAndMayBeCommaSeparated() {
    assertThat(Generator.select(List.of(" Client ,lister"))).containsExactly(Generator.CLIENT, Generator.LISTER);
  }

  @Test
  void anUnknownNameListsTheAllowedOnes() {
    assertThatThrownBy(() -> Generator.select(List.of("clients")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown generator 'clients'; use any of client, lister, informer");
  }
}
