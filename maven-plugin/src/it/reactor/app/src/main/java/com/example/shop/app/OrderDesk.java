package com.example.shop.app;

import com.example.shop.v1beta1.Order;
import com.example.shop.v1beta1.generated.clientset.Clientset;
import com.example.shop.v1beta1.generated.informers.SharedInformerFactory;
import io.kubegen.runtime.config.RestConfig;
import java.time.Duration;
import java.util.List;

/** Code in another module that uses the clients generated in shop-api. */
public final class OrderDesk {
  private final Clientset clients;

  public OrderDesk(RestConfig config) {
    this.clients = Clientset.create(config);
  }

  public List<Order> open(String namespace) {
    return clients.shopV1beta1().orders(namespace).list().getItems();
  }

  public int tills() {
    return clients.shopV1beta1().tills().list().getItems().size();
  }

  public SharedInformerFactory informers() {
    return SharedInformerFactory.create(clients, Duration.ofMinutes(10));
  }
}
