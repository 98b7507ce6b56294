package com.example.app;

import com.example.generated.clientset.Clientset;
import com.example.generated.clientset.fake.FakeClientset;
import com.example.generated.informers.SharedInformerFactory;
import com.example.generated.listers.widgets.v1.WidgetLister;
import com.example.widgets.v1.Widget;
import io.kubegen.runtime.api.LabelSelector;
import java.time.Duration;

/** Uses the generated clientset, informer factory and lister, so the build proves they compile. */
public final class WidgetCounter {
  private WidgetCounter() {}

  public static int countInCluster(Clientset clients) {
    return clients.widgetsV1().widgets("default").list().getItems().size();
  }

  public static int countInCache(Clientset clients) {
    SharedInformerFactory factory = SharedInformerFactory.create(clients, Duration.ZERO);
    WidgetLister lister = factory.widgets().v1().widgets().lister();
    factory.start();
    factory.waitForCacheSync(Duration.ofSeconds(5));
    try {
      return lister.list(LabelSelector.everything()).size();
    } finally {
      factory.shutdown();
    }
  }

  public static Clientset fake(Widget... widgets) {
    return FakeClientset.of((Object[]) widgets);
  }
}
