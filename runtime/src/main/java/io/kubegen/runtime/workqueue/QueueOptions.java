package io.kubegen.runtime.workqueue;

import java.util.Objects;

/**
 * Options shared by every queue: a name (for metrics and thread names), the {@link Clock} and the
 * {@link WorkQueueMetrics} hook. Immutable; build with {@code QueueOptions.builder()}.
 */
public final class QueueOptions {
  private final String name;
  private final Clock clock;
  private final WorkQueueMetrics metrics;

  private QueueOptions(Builder b) {
    this.name = b.name;
    this.clock = b.clock;
    this.metrics = b.metrics;
  }

  /** A builder with name {@code "workqueue"}, the system clock and no metrics. */
  public static Builder builder() {
    return new Builder();
  }

  public String name() { return name; }
  public Clock clock() { return clock; }
  public WorkQueueMetrics metrics() { return metrics; }

  /** Builder for {@link QueueOptions}. */
  public static final class Builder {
    private String name = "workqueue";
    private Clock clock = Clock.system();
    private WorkQueueMetrics metrics = WorkQueueMetrics.NONE;

    private Builder() {}

    public Builder name(String name) { this.name = Objects.requireNonNull(name, "name"); return this; }
    public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock, "clock"); return this; }
    public Builder metrics(WorkQueueMetrics metrics) { this.metrics = Objects.requireNonNull(metrics, "metrics"); return this; }

    public QueueOptions build() { return new QueueOptions(this); }
  }
}
