package io.kubegen.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LabelSelectorTest {

  private static final Map<String, String> PROD_WEB = Map.of("env", "prod", "tier", "web", "replicas", "3");

  @Test
  void emptySelectorMatchesEverything() {
    assertThat(LabelSelector.parse("").matches(Map.of())).isTrue();
    assertThat(LabelSelector.parse(null).matches(PROD_WEB)).isTrue();
    assertThat(LabelSelector.everything().toString()).isEmpty();
    assertThat(LabelSelector.parse("  ")).isEqualTo(LabelSelector.everything());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "env=prod|true",
      "env==prod|true",
      "env=dev|false",
      "env!=dev|true",
      "env!=prod|false",
      "missing!=x|true",
      "env in (prod, staging)|true",
      "env in (dev,staging)|false",
      "env notin (dev,staging)|true",
      "missing notin (a)|true",
      "env notin (prod)|false",
      "env|true",
      "missing|false",
      "!missing|true",
      "!env|false",
      "replicas>2|true",
      "replicas>3|false",
      "replicas<4|true",
      "env=prod,tier=web|true",
      "env=prod,tier=db|false",
      "env=prod , tier in (web) , !gone|true",
  })
  void matchesAsKubernetesDoes(String selector, boolean expected) {
    assertThat(LabelSelector.parse(selector).matches(PROD_WEB)).as(selector).isEqualTo(expected);
  }

  @Test
  void emptyValueMatchesEmptyLabel() {
    assertThat(LabelSelector.parse("a=").matches(Map.of("a", ""))).isTrue();
    assertThat(LabelSelector.parse("a=").matches(Map.of("a", "x"))).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "env=prod|env=prod",
      "tier=web,env=prod|env=prod,tier=web",
      "env in (b,a)|env in (a,b)",
      "x notin ( c , a )|x notin (a,c)",
      "!a,b|!a,b",
      "example.com/app==x|example.com/app==x",
      "n>5|n>5",
  })
  void toStringIsCanonicalAndRoundTrips(String input, String canonical) {
    LabelSelector parsed = LabelSelector.parse(input);
    assertThat(parsed.toString()).isEqualTo(canonical);
    assertThat(LabelSelector.parse(parsed.toString())).isEqualTo(parsed);
  }

  @Test
  void parseErrorsPointAtThePosition() {
    assertThatThrownBy(() -> LabelSelector.parse("env=prod,tier in web"))
        .isInstanceOf(LabelSelectorParseException.class)
        .hasMessageContaining("expected '('")
        .satisfies(e -> assertThat(((LabelSelectorParseException) e).position()).isEqualTo(17));
    assertThatThrownBy(() -> LabelSelector.parse("a in ()"))
        .hasMessageContaining("at least one value");
    assertThatThrownBy(() -> LabelSelector.parse("a b"))
        .isInstanceOf(LabelSelectorParseException.class)
        .satisfies(e -> assertThat(((LabelSelectorParseException) e).position()).isEqualTo(2));
    assertThatThrownBy(() -> LabelSelector.parse("a>x")).hasMessageContaining("integer");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-bad=x", "a=-bad", "UPPER.example/x=y", ",a=b", "a=b,", "a in (b", "=x", "a/=b"})
  void rejectsInvalidKeysValuesAndSyntax(String selector) {
    assertThatThrownBy(() -> LabelSelector.parse(selector)).isInstanceOf(LabelSelectorParseException.class);
  }

  @Test
  void ofMapBuildsEqualityRequirements() {
    LabelSelector s = LabelSelector.of(Map.of("b", "2", "a", "1"));
    assertThat(s.toString()).isEqualTo("a=1,b=2");
    assertThat(s.matches(Map.of("a", "1", "b", "2", "c", "3"))).isTrue();
    assertThat(s.matches(Map.of("a", "1"))).isFalse();
  }
}
