package io.kubegen.apiserver.e2e.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ledger the chaos suite judges notifications by flags each way a handler can be misled. */
class NotificationLedgerTest {
  private final NotificationLedger ledger = new NotificationLedger("h");

  private static ConfigMap cm(String name, long rv, String value) {
    ConfigMap c = ConfigMap.of("default", name, value);
    c.getMetadata().setResourceVersion(Long.toString(rv));
    return c;
  }

  @Test
  void aConsistentStreamLeavesTheViewAndNoViolation() {
    ledger.onAdd(cm("a", 1, "x"), true);
    ledger.onUpdate(cm("a", 1, "x"), cm("a", 3, "y"));
    ledger.onUpdate(cm("a", 3, "y"), cm("a", 3, "y")); // resync, or a relist that found it unchanged
    ledger.onAdd(cm("b", 4, "z"), false);
    ledger.onDelete(cm("b", 4, "z"), true);
    ledger.onAdd(cm("b", 6, "w"), false); // re-created
    assertThat(ledger.violations()).isEmpty();
    assertThat(ledger.view()).isEqualTo(Map.of("default/a", "3=y", "default/b", "6=w"));
    assertThat(ledger.tombstones()).isEqualTo(1);
  }

  @Test
  void secondAddIsFlagged() {
    ledger.onAdd(cm("a", 1, "x"), true);
    ledger.onAdd(cm("a", 2, "y"), false);
    assertThat(ledger.violations()).contains("add of default/a");
  }

  @Test
  void updateOrDeleteOfAnUnknownObjectIsFlagged() {
    ledger.onUpdate(cm("a", 1, "x"), cm("a", 2, "y"));
    ledger.onDelete(cm("b", 1, "x"), false);
    assertThat(ledger.violations()).contains("2 violations").contains("update of default/a")
        .contains("delete of default/b");
  }

  @Test
  void staleOldObjectIsFlagged() {
    ledger.onAdd(cm("a", 1, "x"), true);
    ledger.onUpdate(cm("a", 2, "x"), cm("a", 3, "y"));
    assertThat(ledger.violations()).contains("from 2=x but it was last given 1=x");
  }

  @Test
  void resourceVersionGoingBackIsFlaggedAcrossDeleteAndAdd() {
    ledger.onAdd(cm("a", 5, "x"), true);
    ledger.onDelete(cm("a", 5, "x"), false);
    ledger.onAdd(cm("a", 4, "old"), false);
    assertThat(ledger.violations()).contains("at resourceVersion 4 after it was at 5");
  }
}
