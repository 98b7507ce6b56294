package io.kubegen.maven;

import java.util.Objects;

/**
 * One entry of {@code annotationProcessorPaths}, as {@code maven-compiler-plugin} has it: the
 * coordinates of an annotation processor (such as Lombok or Immutables) whose output or changes the
 * model needs. Resolved with its dependencies. A missing version is taken from the project's
 * dependency management or dependencies.
 *
 * <p>A mutable bean for Maven's configuration injection; not thread-safe.
 */
public class ProcessorPath {
  private String groupId;
  private String artifactId;
  private String version;
  private String classifier;
  private String type = "jar";

  /** For Maven's configuration injection. */
  public ProcessorPath() {}

  /** A path to {@code groupId:artifactId:version} (jar, no classifier). */
  public ProcessorPath(String groupId, String artifactId, String version) {
    this.groupId = groupId;
    this.artifactId = artifactId;
    this.version = version;
  }

  public String getGroupId() {
    return groupId;
  }

  public void setGroupId(String groupId) {
    this.groupId = groupId;
  }

  public String getArtifactId() {
    return artifactId;
  }

  public void setArtifactId(String artifactId) {
    this.artifactId = artifactId;
  }

  public String getVersion() {
    return version;
  }

  public void setVersion(String version) {
    this.version = version;
  }

  public String getClassifier() {
    return classifier;
  }

  public void setClassifier(String classifier) {
    this.classifier = classifier;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  /** {@code groupId:artifactId[:type[:classifier]]:version}. */
  @Override
  public String toString() {
    return groupId + ":" + artifactId + (Objects.equals(type, "jar") && classifier == null ? "" : ":" + type)
        + (classifier == null ? "" : ":" + classifier) + ":" + version;
  }
}
