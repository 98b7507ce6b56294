package com.example.use;

import com.example.use.kube.clientset.Clientset;
import com.example.use.kube.listers.vendor.v1.GizmoLister;
import com.example.vendor.v1.Gizmo;
import java.util.List;

/** Uses the clients generated from the dependency's classes. */
public final class GizmoFinder {
  private GizmoFinder() {}

  public static List<Gizmo> all(Clientset clients, String namespace) {
    return clients.vendorV1().gizmos(namespace).list().getItems();
  }

  public static List<Gizmo> madeBy(GizmoLister lister, String maker) {
    return lister.byMaker(maker);
  }
}
