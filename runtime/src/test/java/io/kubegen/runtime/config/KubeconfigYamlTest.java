package io.kubegen.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * YAML read as kubectl's yaml.v2 reads it; the corpus of {@link KubectlLoadingDifferentialTest}
 * checks the same against kubectl itself, this runs without it.
 */
class KubeconfigYamlTest {
  private static final Path FILE = Path.of("/k/config");

  private static JsonNode value(String scalar) {
    return KubeconfigYaml.read("v: " + scalar + "\n", FILE).get("v");
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "y|BOOLEAN", "Yes|BOOLEAN", "on|BOOLEAN", "OFF|BOOLEAN", "n|BOOLEAN", "true|BOOLEAN",
      "~|NULL", "null|NULL", "Null|NULL",
      "012|NUMBER", "0x1F|NUMBER", "0o17|NUMBER", "0b101|NUMBER", "-0b101|NUMBER", "1e3|NUMBER", "1_000|NUMBER",
      "+12|NUMBER", ".5|NUMBER", "08|NUMBER", "18446744073709551615|NUMBER", "123456789012345678901234567890|NUMBER",
      "1:20|STRING", "2001-12-14|STRING", "1e400|STRING", "0x|STRING", "yes!|STRING", "trUe|STRING", "'5'|STRING",
      "\"yes\"|STRING", "!!str 5|STRING", "1.2.3|STRING", ".e5|STRING", "0b2|STRING"})
  void scalarsResolveAsInYamlV2(String scalar, String kind) {
    assertThat(value(scalar).getNodeType().name()).isEqualTo(kind);
  }

  @Test
  void mergeKeysFollowYamlV2Order() {
    JsonNode root = KubeconfigYaml.read("""
        a: &a {x: from-a, y: from-a}
        b: &b {x: from-b, z: from-b}
        before: {x: explicit, <<: *a}
        after: {<<: *a, x: explicit}
        list: {<<: [*a, *b]}
        """, FILE);
    assertThat(root.get("before").get("x").asText()).isEqualTo("from-a"); // yaml.v2 merges where << stands
    assertThat(root.get("after").get("x").asText()).isEqualTo("explicit");
    assertThat(root.get("list").get("x").asText()).isEqualTo("from-a"); // earlier mappings take precedence
    assertThat(root.get("list").get("z").asText()).isEqualTo("from-b");
  }

  @Test
  void keysBecomeStringsAndTheLastDuplicateWins() {
    JsonNode root = KubeconfigYaml.read("m: {on: a, 12: b, 1.5: c, 1e6: d, k: first, k: last}\n", FILE).get("m");
    assertThat(root.fieldNames()).toIterable().containsExactly("true", "12", "1.5", "1e+06", "k");
    assertThat(root.get("k").asText()).isEqualTo("last");
  }

  @Test
  void tabsSeparateWhereYamlV2LetsThem() {
    assertThat(KubeconfigYaml.read("a:\tb\nc: {d:\te,\tf: g}\nh: 'i\t'\n", FILE).toString())
        .isEqualTo("{\"a\":\"b\",\"c\":{\"d\":\"e\",\"f\":\"g\"},\"h\":\"i\\t\"}");
    assertThatThrownBy(() -> KubeconfigYaml.read("l:\n-\tx\n", FILE)).hasMessageStartingWith(FILE + ": not valid YAML at line 2");
  }

  @Test
  void errorsGiveThePositionOnly() {
    assertThatThrownBy(() -> KubeconfigYaml.read("a: &a [*a]\n", FILE))
        .hasMessage(FILE + ": not a valid kubeconfig YAML at line 1, column 4: an anchor's value contains an alias to itself");
    assertThatThrownBy(() -> KubeconfigYaml.read("a: {~: secret-value}\n", FILE))
        .hasMessageEndingWith("a mapping key must be a string, number or boolean").hasMessageNotContaining("secret");
    assertThatThrownBy(() -> KubeconfigYaml.read("a: .inf\n", FILE))
        .hasMessageEndingWith("a float that is infinite or not a number has no JSON form");
    // nested aliases that would expand exponentially
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }
    assertThatThrownBy(() -> KubeconfigYaml.read(bomb.toString(), FILE))
        .hasMessageContaining("aliases expand to more than " + KubeconfigYaml.MAX_EXPANDED_NODES + " nodes");
  }

  @Test
  void onlyTheFirstDocumentCounts() {
    assertThat(KubeconfigYaml.read("a: 1\n---\na: [\n", FILE).get("a").asInt()).isEqualTo(1);
  }
}
