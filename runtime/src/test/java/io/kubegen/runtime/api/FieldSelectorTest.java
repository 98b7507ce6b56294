package io.kubegen.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldSelectorTest {

  private static final Map<String, String> FIELDS = Map.of("metadata.name", "web-1", "status.phase", "Running");

  @Test
  void equalityAndInequality() {
    assertThat(FieldSelector.parse("metadata.name=web-1").matches(FIELDS::get)).isTrue();
    assertThat(FieldSelector.parse("metadata.name==web-1").matches(FIELDS::get)).isTrue();
    assertThat(FieldSelector.parse("status.phase!=Running").matches(FIELDS::get)).isFalse();
    assertThat(FieldSelector.parse("metadata.name=web-1,status.phase!=Pending").matches(FIELDS::get)).isTrue();
    assertThat(FieldSelector.parse("").matches(FIELDS::get)).isTrue();
  }

  @Test
  void missingFieldReadsAsEmpty() {
    assertThat(FieldSelector.parse("spec.nodeName=").matches(FIELDS::get)).isTrue();
    assertThat(FieldSelector.parse("spec.nodeName!=").matches(FIELDS::get)).isFalse();
  }

  @Test
  void escapedSeparatorsStayInTheValue() {
    FieldSelector s = FieldSelector.parse("a=x\\,y,b!=z\\=w");
    assertThat(s.terms()).containsExactly(
        new FieldSelector.Term("a", true, "x,y"), new FieldSelector.Term("b", false, "z=w"));
    assertThat(FieldSelector.parse(s.toString())).isEqualTo(s);
  }

  @Test
  void rejectsTermsWithoutOperator() {
    assertThatThrownBy(() -> FieldSelector.parse("a=b,c"))
        .isInstanceOf(LabelSelectorParseException.class)
        .satisfies(e -> assertThat(((LabelSelectorParseException) e).position()).isEqualTo(4));
  }
}
