package io.kubegen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The API group and version of the resource types in a package (on {@code package-info.java})
 * or of one type. An annotation on the type wins over the one on its package.
 *
 * <p>The group and version decide where the generated code lives and which URL it calls:
 * {@code @GroupVersion(group = "samplecontroller.k8s.io", version = "v1alpha1")} generates
 * {@code SamplecontrollerV1alpha1Client} in {@code <base>.clientset.samplecontroller.v1alpha1},
 * calling {@code /apis/samplecontroller.k8s.io/v1alpha1}. The empty group {@code ""} is the
 * legacy core group: URLs under {@code /api/v1}, package segment {@code core}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.PACKAGE, ElementType.TYPE})
public @interface GroupVersion {

  /** The API group, a DNS subdomain such as {@code apps} or {@code example.com}; {@code ""} for core. */
  String group();

  /** The API version, such as {@code v1}, {@code v1beta2} or {@code v1alpha1}. */
  String version();
}
