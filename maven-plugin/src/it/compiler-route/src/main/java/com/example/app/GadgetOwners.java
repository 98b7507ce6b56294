package com.example.app;

import com.example.gadgets.v1.Gadget;
import com.example.generated.clientset.Clientset;
import com.example.generated.informers.SharedInformerFactory;
import com.example.generated.listers.gadgets.v1.GadgetLister;
import java.util.List;

/** Uses the generated lister's index and Lombok's accessors together. */
public final class GadgetOwners {
  private GadgetOwners() {}

  public static List<String> ownedBy(SharedInformerFactory factory, String owner) {
    GadgetLister lister = factory.gadgets().v1().gadgets().lister();
    return lister.byOwner(owner).stream().map(g -> g.getMetadata().getName() + "/" + g.getSpec().getSize()).toList();
  }

  public static Gadget create(Clientset clients, String name, String owner) {
    Gadget gadget = new Gadget();
    gadget.getMetadata().setName(name);
    gadget.getSpec().setOwner(owner);
    return clients.gadgetsV1().gadgets("default").create(gadget);
  }
}
