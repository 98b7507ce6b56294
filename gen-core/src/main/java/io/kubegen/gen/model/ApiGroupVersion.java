package io.kubegen.gen.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * An API group and version, with the names generated code uses for it.
 *
 * <p>For {@code samplecontroller.k8s.io/v1alpha1}: {@link #groupSegment()} is
 * {@code samplecontroller}, {@link #typePrefix()} is {@code SamplecontrollerV1alpha1},
 * {@link #accessorName()} is {@code samplecontrollerV1alpha1}, {@link #packageSuffix()} is
 * {@code samplecontroller.v1alpha1} and {@link #apiPath()} is
 * {@code /apis/samplecontroller.k8s.io/v1alpha1}. The core group {@code ""} has the segment
 * {@code core} and the path {@code /api/v1}.
 *
 * @param group the API group, {@code ""} for core
 * @param version the version, such as {@code v1}
 */
public record ApiGroupVersion(String group, String version) implements Comparable<ApiGroupVersion> {

  private static final Comparator<ApiGroupVersion> ORDER =
      Comparator.comparing(ApiGroupVersion::group).thenComparing(ApiGroupVersion::version);

  public ApiGroupVersion {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(version, "version");
  }

  /** Whether this is the legacy core group (URLs under {@code /api}). */
  public boolean isCore() {
    return group.isEmpty();
  }

  /** The lower-case package segment of the group: its first DNS label, or {@code core}. */
  public String groupSegment() {
    return Naming.groupSegment(group);
  }

  /** The package segment of the version, such as {@code v1alpha1}. */
  public String versionSegment() {
    return Naming.versionSegment(version);
  }

  /** {@code <g>.<v>}, appended to a tree's package ({@code <base>.clientset.<g>.<v>}). */
  public String packageSuffix() {
    return groupSegment() + "." + versionSegment();
  }

  /** {@code <G><V>}, such as {@code SamplecontrollerV1alpha1}; prefix of per-group-version types. */
  public String typePrefix() {
    return Naming.capitalise(groupSegment()) + Naming.capitalise(versionSegment());
  }

  /** {@code <g><V>}, such as {@code samplecontrollerV1alpha1}: the clientset accessor. */
  public String accessorName() {
    return groupSegment() + Naming.capitalise(versionSegment());
  }

  /** The {@code apiVersion} string: {@code group/version}, or the version alone for core. */
  public String apiVersion() {
    return isCore() ? version : group + "/" + version;
  }

  /** {@code /api/<v>} for core, else {@code /apis/<group>/<v>}. */
  public String apiPath() {
    return isCore() ? "/api/" + version : "/apis/" + group + "/" + version;
  }

  @Override
  public int compareTo(ApiGroupVersion other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return apiVersion();
  }
}
