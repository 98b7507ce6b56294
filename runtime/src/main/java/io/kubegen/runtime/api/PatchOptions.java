package io.kubegen.runtime.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** Options of a patch call; {@code force} takes over conflicting fields in server-side apply. Immutable; {@code PatchOptions.builder().fieldManager("me").dryRun(true).build()}. */
public final class PatchOptions implements QueryOptions {
  private static final PatchOptions NONE = builder().build();

  private final boolean dryRun;
  private final String fieldManager;
  private final String fieldValidation;
  private final Boolean force;

  private PatchOptions(Builder b) {
    this.dryRun = b.dryRun;
    this.fieldManager = b.fieldManager;
    this.fieldValidation = b.fieldValidation;
    this.force = b.force;
  }

  /** No options. */
  public static PatchOptions none() { return NONE; }

  public static Builder builder() { return new Builder(); }

  /** Whether the server only validates and answers, storing nothing ({@code dryRun=All}). */
  public boolean dryRun() { return dryRun; }
  /** The name of the actor making the change, recorded in managedFields. */
  public String fieldManager() { return fieldManager; }
  /** {@code Ignore}, {@code Warn} or {@code Strict}, or null for the server default. */
  public String fieldValidation() { return fieldValidation; }
  /** For server-side apply: take ownership of fields other managers own. */
  public Boolean force() { return force; }

  @Override
  public Map<String, String> toQueryParameters() {
    Map<String, String> q = new LinkedHashMap<>();
    ListOptions.putIfSet(q, "dryRun", dryRun ? "All" : null);
    ListOptions.putIfSet(q, "fieldManager", fieldManager);
    ListOptions.putIfSet(q, "fieldValidation", fieldValidation);
    ListOptions.putIfSet(q, "force", force);
    return q;
  }

  @Override
  public String toString() { return "PatchOptions" + toQueryParameters(); }

  /** Builder for {@link PatchOptions}. */
  public static final class Builder {
    private boolean dryRun;
    private String fieldManager;
    private String fieldValidation;
    private Boolean force;

    private Builder() {}

    public Builder dryRun(boolean dryRun) { this.dryRun = dryRun; return this; }
    public Builder fieldManager(String fieldManager) { this.fieldManager = fieldManager; return this; }
    public Builder fieldValidation(String fieldValidation) { this.fieldValidation = fieldValidation; return this; }
    public Builder force(boolean force) { this.force = force; return this; }

    public PatchOptions build() { return new PatchOptions(this); }
  }
}
