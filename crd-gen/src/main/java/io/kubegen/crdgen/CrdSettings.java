package io.kubegen.crdgen;

import io.kubegen.gen.processing.AnnotationReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * The {@code @GenCrd} of one resource type as written, with its defaults when there is none.
 *
 * @param singular {@code singular}, {@code ""} when not set
 * @param shortNames {@code shortNames}
 * @param categories {@code categories}
 * @param storage {@code storage}
 * @param served {@code served}
 * @param deprecated {@code deprecated}
 * @param deprecationWarning {@code deprecationWarning}
 * @param specReplicasPath {@code specReplicasPath}
 * @param statusReplicasPath {@code statusReplicasPath}
 * @param labelSelectorPath {@code labelSelectorPath}
 * @param printerColumns {@code printerColumns}
 */
record CrdSettings(String singular, List<String> shortNames, List<String> categories, boolean storage,
    boolean served, boolean deprecated, String deprecationWarning, String specReplicasPath,
    String statusReplicasPath, String labelSelectorPath, List<PrinterColumn> printerColumns) {
  static final String GEN_CRD = "io.kubegen.annotations.GenCrd";

  /** One {@code @GenCrd.PrinterColumn}. */
  record PrinterColumn(String name, String jsonPath, String type, String format, String description, int priority) {}

  /** The settings of {@code type}. */
  static CrdSettings of(TypeElement type) {
    Optional<AnnotationMirror> found = AnnotationReader.find(type, GEN_CRD);
    if (found.isEmpty()) {
      return new CrdSettings("", List.of(), List.of(), false, true, false, "", ".spec.replicas",
          ".status.replicas", "", List.of());
    }
    AnnotationMirror m = found.get();
    List<PrinterColumn> columns = new ArrayList<>();
    for (AnnotationValue v : list(m, "printerColumns")) {
      AnnotationMirror c = (AnnotationMirror) v.getValue();
      columns.add(new PrinterColumn(string(c, "name"), string(c, "jsonPath"), string(c, "type"), string(c, "format"),
          string(c, "description"), (Integer) AnnotationReader.value(c, "priority").getValue()));
    }
    return new CrdSettings(string(m, "singular"), strings(m, "shortNames"), strings(m, "categories"),
        bool(m, "storage"), bool(m, "served"), bool(m, "deprecated"), string(m, "deprecationWarning"),
        string(m, "specReplicasPath"), string(m, "statusReplicasPath"), string(m, "labelSelectorPath"), columns);
  }

  private static String string(AnnotationMirror m, String attribute) {
    return (String) AnnotationReader.value(m, attribute).getValue();
  }

  private static boolean bool(AnnotationMirror m, String attribute) {
    return (Boolean) AnnotationReader.value(m, attribute).getValue();
  }

  private static List<String> strings(AnnotationMirror m, String attribute) {
    return list(m, attribute).stream().map(v -> (String) v.getValue()).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<? extends AnnotationValue> list(AnnotationMirror m, String attribute) {
    return (List<? extends AnnotationValue>) AnnotationReader.value(m, attribute).getValue();
  }
}
