package com.example.widgets.v1;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a widget factory reports.
 *
 * @param replicas how many widgets exist
 * @param selector the label selector of the built widgets, for the scale subresource
 * @param builtAt when the last widget was built
 * @param lastBatch the id of the last batch
 * @param conditions the factory's conditions
 */
public record WidgetStatus(int replicas, String selector, Instant builtAt, UUID lastBatch, List<Condition> conditions) {
  /**
   * One condition.
   *
   * @param type such as Ready
   * @param status True, False or Unknown
   * @param message why
   */
  public record Condition(String type, String status, String message) {}
}
