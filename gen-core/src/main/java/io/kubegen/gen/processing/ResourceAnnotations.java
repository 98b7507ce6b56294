package io.kubegen.gen.processing;

import io.kubegen.annotations.Verb;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * The kubegen annotations of one type as written, with the mirrors and values to point
 * diagnostics at. Read by {@link AnnotationReader}; checked by {@link ResourceValidator}; turned
 * into a {@link io.kubegen.gen.model.ResourceDescriptor} by {@link ResourceModelReader}.
 *
 * @param type the annotated type
 * @param genClient the {@code @GenClient} mirror
 * @param groupVersion the effective {@code @GroupVersion}, or null when there is none
 * @param kind {@code kind}, {@code ""} when not set
 * @param plural {@code plural}, {@code ""} when not set
 * @param namespaced {@code namespaced}
 * @param noStatus {@code noStatus}
 * @param readonly {@code readonly}
 * @param noVerbs {@code noVerbs}
 * @param onlyVerbs {@code onlyVerbs}
 * @param skipVerbs {@code skipVerbs}
 * @param methods every {@code @GenClient.Method} (inline, repeated or in the container)
 * @param indexes every {@code @GenIndex}
 */
public record ResourceAnnotations(
    TypeElement type,
    AnnotationMirror genClient,
    GroupVersionAnnotation groupVersion,
    String kind,
    String plural,
    boolean namespaced,
    boolean noStatus,
    boolean readonly,
    boolean noVerbs,
    List<Verb> onlyVerbs,
    List<Verb> skipVerbs,
    List<MethodAnnotation> methods,
    List<IndexAnnotation> indexes) {

  public ResourceAnnotations {
    onlyVerbs = List.copyOf(onlyVerbs);
    skipVerbs = List.copyOf(skipVerbs);
    methods = List.copyOf(methods);
    indexes = List.copyOf(indexes);
  }

  /** The {@code @GenClient} value named {@code attribute} (defaults included). */
  public AnnotationValue value(String attribute) {
    return AnnotationReader.value(genClient, attribute);
  }

  /**
   * The effective {@code @GroupVersion}.
   *
   * @param owner the type or package carrying it
   * @param mirror the annotation
   * @param group {@code group}
   * @param version {@code version}
   */
  public record GroupVersionAnnotation(Element owner, AnnotationMirror mirror, String group, String version) {
    /** The value named {@code attribute}. */
    public AnnotationValue value(String attribute) {
      return AnnotationReader.value(mirror, attribute);
    }
  }

  /**
   * One {@code @GenClient.Method}.
   *
   * @param mirror the annotation
   * @param name {@code name}
   * @param verb {@code verb}
   * @param subresource {@code subresource}
   * @param input {@code input} ({@code void} when not set)
   * @param result {@code result} ({@code void} when not set)
   */
  public record MethodAnnotation(AnnotationMirror mirror, String name, Verb verb, String subresource,
      TypeMirror input, TypeMirror result) {
    /** The value named {@code attribute}. */
    public AnnotationValue value(String attribute) {
      return AnnotationReader.value(mirror, attribute);
    }
  }

  /**
   * One {@code @GenIndex}.
   *
   * @param mirror the annotation
   * @param name {@code name}
   * @param path {@code path}
   */
  public record IndexAnnotation(AnnotationMirror mirror, String name, String path) {
    /** The value named {@code attribute}. */
    public AnnotationValue value(String attribute) {
      return AnnotationReader.value(mirror, attribute);
    }
  }
}
