package io.kubegen.runtime.api;

import java.util.LinkedHashMap;
import java.util.Map;

/** Options of a create call. Immutable; {@code CreateOptions.builder().fieldManager("me").dryRun(true).build()}. */
public final class CreateOptions implements QueryOptions {
  private static final CreateOptions NONE = builder().build();

  private final boolean dryRun;
  private final String fieldManager;
  private final String fieldValidation;

  private CreateOptions(Builder b) {
    this.dryRun = b.dryRun;
    this.fieldManager = b.fieldManager;
    this.fieldValidation = b.fieldValidation;
  }

  /** No options. */
  public static CreateOptions none() { return NONE; }

  public static Builder builder() { return new Builder(); }

  /** Whether the server only validates and answers, storing nothing ({@code dryRun=All}). */
  public boolean dryRun() { return dryRun; }
  /** The name of the actor making the change, recorded in managedFields. */
  public String fieldManager() { return fieldManager; }
  /** {@code Ignore}, {@code Warn} or {@code Strict}, or null for the server default. */
  public String fieldValidation() { return fieldValidation; }

  @Override
  public Map<String, String> toQueryParameters() {
    Map<String, String> q = new LinkedHashMap<>();
    ListOptions.putIfSet(q, "dryRun", dryRun ? "All" : null);
    ListOptions.putIfSet(q, "fieldManager", fieldManager);
    ListOptions.putIfSet(q, "fieldValidation", fieldValidation);
    return q;
  }

  @Override
  public String toString() { return "CreateOptions" + toQueryParameters(); }

  /** Builder for {@link CreateOptions}. */
  public static final class Builder {
    private boolean dryRun;
    private String fieldManager;
    private String fieldValidation;

    private Builder() {}

    public Builder dryRun(boolean dryRun) { this.dryRun = dryRun; return this; }
    public Builder fieldManager(String fieldManager) { this.fieldManager = fieldManager; return this; }
    public Builder fieldValidation(String fieldValidation) { this.fieldValidation = fieldValidation; return this; }

    public CreateOptions build() { return new CreateOptions(this); }
  }
}
