package io.kubegen.runtime.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options of a delete call, sent as the request body ({@code kind: DeleteOptions}): grace period,
 * propagation policy ({@code Foreground}, {@code Background}, {@code Orphan}), preconditions on
 * uid and resourceVersion, and dry run. Immutable;
 * {@code DeleteOptions.builder().propagationPolicy("Foreground").build()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class DeleteOptions implements QueryOptions {
  private static final DeleteOptions NONE = builder().build();

  /** Delete dependents first, then the owner. */
  public static final String FOREGROUND = "Foreground";
  /** Delete the owner now and the dependents in the background. */
  public static final String BACKGROUND = "Background";
  /** Delete the owner and leave the dependents. */
  public static final String ORPHAN = "Orphan";

  private final Long gracePeriodSeconds;
  private final String propagationPolicy;
  private final Preconditions preconditions;
  private final boolean dryRun;

  private DeleteOptions(Builder b) {
    this.gracePeriodSeconds = b.gracePeriodSeconds;
    this.propagationPolicy = b.propagationPolicy;
    this.preconditions = b.preconditions;
    this.dryRun = b.dryRun;
  }

  @JsonCreator
  static DeleteOptions fromJson(@JsonProperty("gracePeriodSeconds") Long gracePeriodSeconds,
      @JsonProperty("propagationPolicy") String propagationPolicy,
      @JsonProperty("preconditions") Preconditions preconditions,
      @JsonProperty("dryRun") List<String> dryRun) {
    return builder().gracePeriodSeconds(gracePeriodSeconds).propagationPolicy(propagationPolicy)
        .preconditions(preconditions).dryRun(dryRun != null && dryRun.contains("All")).build();
  }

  /** No options: server defaults. */
  public static DeleteOptions none() { return NONE; }

  public static Builder builder() { return new Builder(); }

  @JsonProperty("apiVersion")
  String apiVersion() { return "v1"; }

  @JsonProperty("kind")
  String kind() { return "DeleteOptions"; }

  @JsonProperty
  public Long gracePeriodSeconds() { return gracePeriodSeconds; }
  @JsonProperty
  public String propagationPolicy() { return propagationPolicy; }
  @JsonProperty
  public Preconditions preconditions() { return preconditions; }
  @JsonIgnore
  public boolean dryRun() { return dryRun; }

  @JsonProperty("dryRun")
  List<String> dryRunJson() { return dryRun ? List.of("All") : null; }

  /** Query form, for clients that send delete options as parameters instead of a body. */
  @Override
  public Map<String, String> toQueryParameters() {
    Map<String, String> q = new LinkedHashMap<>();
    ListOptions.putIfSet(q, "gracePeriodSeconds", gracePeriodSeconds);
    ListOptions.putIfSet(q, "propagationPolicy", propagationPolicy);
    ListOptions.putIfSet(q, "dryRun", dryRun ? "All" : null);
    return q;
  }

  @Override
  public String toString() {
    return "DeleteOptions" + toQueryParameters() + (preconditions == null ? "" : " " + preconditions);
  }

  /**
   * Conditions the stored object must meet for the delete to go ahead (else 409 Conflict).
   *
   * @param uid the uid the object must have, or null
   * @param resourceVersion the resourceVersion the object must have, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Preconditions(String uid, String resourceVersion) {}

  /** Builder for {@link DeleteOptions}. */
  public static final class Builder {
    private Long gracePeriodSeconds;
    private String propagationPolicy;
    private Preconditions preconditions;
    private boolean dryRun;

    private Builder() {}

    public Builder gracePeriodSeconds(Long seconds) { this.gracePeriodSeconds = seconds; return this; }
    public Builder gracePeriodSeconds(long seconds) { this.gracePeriodSeconds = seconds; return this; }
    public Builder propagationPolicy(String policy) { this.propagationPolicy = policy; return this; }
    public Builder preconditions(Preconditions preconditions) { this.preconditions = preconditions; return this; }
    public Builder preconditionUid(String uid) {
      this.preconditions = new Preconditions(uid, preconditions == null ? null : preconditions.resourceVersion());
      return this;
    }
    public Builder preconditionResourceVersion(String rv) {
      this.preconditions = new Preconditions(preconditions == null ? null : preconditions.uid(), rv);
      return this;
    }
    public Builder dryRun(boolean dryRun) { this.dryRun = dryRun; return this; }

    public DeleteOptions build() { return new DeleteOptions(this); }
  }
}
