package com.example.app;

import com.example.generated.clientset.Clientset;
import com.example.generated.clientset.fake.FakeClientset;
import com.example.generated.informers.SharedInformerFactory;
import com.example.generated.listers.widgets.v1.WidgetLister;
import com.example.generated.listers.widgets.v1.WidgetNamespaceLister;
import com.example.widgets.v1.Widget;
import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.cache.ResourceEventHandler;
import io.kubegen.runtime.config.KubeConfig;
import java.time.Duration;
import java.util.Optional;

/**
 * Uses the generated clientset, informer factory and lister the way the README's walkthrough
 * shows, so the build proves that code compiles.
 */
public final class WidgetCounter {
  private WidgetCounter() {}

  public static Clientset fromKubeconfig() {
    return Clientset.create(KubeConfig.load().restConfig());
  }

  public static Widget paint(Clientset clients, String name, String colour) {
    Widget widget = new Widget();
    widget.getMetadata().setName(name);
    widget.getSpec().setColour(colour);
    Widget created = clients.widgetsV1().widgets("default").create(widget);
    Widget.Status status = new Widget.Status();
    status.setPainted(true);
    created.setStatus(status);
    return clients.widgetsV1().widgets("default").updateStatus(created);
  }

  public static int countInCluster(Clientset clients) {
    return clients.widgetsV1().widgets("default").list().getItems().size();
  }

  public static Optional<Widget> watchAndLookUp(Clientset clients, String name) {
    SharedInformerFactory factory = SharedInformerFactory.create(clients, Duration.ofMinutes(10));
    factory.widgets().v1().widgets().informer().addEventHandler(new ResourceEventHandler<Widget>() {
      @Override
      public void onAdd(Widget widget, boolean isInInitialList) {
        System.out.println("widget " + widget.getMetadata().getName() + " is " + widget.getSpec().getColour());
      }
    });
    WidgetLister lister = factory.widgets().v1().widgets().lister();
    factory.start();
    factory.waitForCacheSync(Duration.ofSeconds(30));
    try {
      System.out.println(lister.list(LabelSelector.parse("team=blue")).size() + " blue widgets");
      WidgetNamespaceLister inDefault = lister.widgets("default");
      return inDefault.get(name);
    } finally {
      factory.shutdown();
    }
  }

  public static Clientset fake(Widget... widgets) {
    return FakeClientset.of((Object[]) widgets);
  }
}
