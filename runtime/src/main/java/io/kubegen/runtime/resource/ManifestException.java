package io.kubegen.runtime.resource;

import java.util.Objects;

/**
 * One document of a manifest that could not be read, checked, mapped or handled, with its
 * {@link ManifestSource}. Messages follow kubectl's, with the document number after the file:
 * {@code error parsing deploy/app.yaml (document 2): ...},
 * {@code error validating "deploy/app.yaml" (document 1): error validating data: kind not set},
 * {@code resource mapping not found for name: "x" namespace: "" from "deploy/app.yaml" (document 3): no matches for kind ...},
 * {@code error when creating "deploy/app.yaml" (document 1): configmaps "x" already exists}.
 * The cause, when there is one, is the underlying exception (for server answers a
 * {@code KubeApiException}). Immutable.
 */
public class ManifestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What failed. */
  public enum Stage {
    /** The source could not be read (missing file, I/O error). */
    READ,
    /** A document is not YAML or JSON, or a YAML separator line is malformed. */
    PARSE,
    /** A document is not an object, or lacks {@code apiVersion} or {@code kind}. */
    VALIDATE,
    /** No served resource has the document's kind. */
    MAPPING,
    /** The object names a namespace other than the one enforced. */
    NAMESPACE,
    /** The visitor failed on the object (for the writes: the server's answer). */
    VISIT
  }

  private final transient ManifestSource source;
  private final Stage stage;
  private final transient ResourceInfo info;

  /** A failure of {@code stage} at {@code source}; {@code info} is the object when it was mapped, else null. */
  public ManifestException(ManifestSource source, Stage stage, ResourceInfo info, String message, Throwable cause) {
    super(message, cause);
    this.source = Objects.requireNonNull(source, "source");
    this.stage = Objects.requireNonNull(stage, "stage");
    this.info = info;
  }

  /** Where the document is. */
  public ManifestSource source() { return source; }

  /** What failed. */
  public Stage stage() { return stage; }

  /** The object, when the document got as far as being mapped; else null. */
  public ResourceInfo info() { return info; }
}
