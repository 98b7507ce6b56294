package io.kubegen.runtime.resource;

import io.kubegen.runtime.dynamic.GenericObject;
import java.util.Objects;

/**
 * What {@link Manifests} did with one object, or with one document that failed. {@link #toString()}
 * reads like kubectl's output: {@code configmap/settings created},
 * {@code deployment.apps/web configured (server dry run)}, or the failure's message.
 *
 * @param source where the object or failed document was read
 * @param displayName how kubectl names the object ({@code configmap/settings}); null when the
 *     document failed before it was mapped
 * @param outcome what happened
 * @param object the object as the server answered it (for a client-side dry run: as it would be
 *     sent); null when failed
 * @param error the failure; null unless {@code outcome} is {@link Outcome#FAILED}
 * @param dryRun the dry-run mode of the write
 */
public record ManifestResult(ManifestSource source, String displayName, Outcome outcome, GenericObject object,
    ManifestException error, DryRun dryRun) {

  /** What happened to an object. */
  public enum Outcome {
    /** It did not exist and was created. */
    CREATED,
    /** It existed and the write changed it. */
    CONFIGURED,
    /** It existed and the write changed nothing. */
    UNCHANGED,
    /** It could not be read, mapped or written; see {@link #error()}. */
    FAILED
  }

  public ManifestResult {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(dryRun, "dryRun");
    if ((outcome == Outcome.FAILED) != (error != null)) {
      throw new IllegalArgumentException("a result has an error exactly when it failed");
    }
  }

  /** Whether the object was written (or would be, in a dry run). */
  public boolean isSuccess() {
    return outcome != Outcome.FAILED;
  }

  @Override
  public String toString() {
    if (outcome == Outcome.FAILED) {
      return error.getMessage();
    }
    String dry = switch (dryRun) {
      case NONE -> "";
      case CLIENT -> " (dry run)";
      case SERVER -> " (server dry run)";
    };
    return displayName + " " + outcome.name().toLowerCase(java.util.Locale.ROOT) + dry;
  }
}
