package com.example.gizmos.v1;

import com.example.generated.listers.gizmos.v1.GizmoLister;
import java.util.List;

/** Uses the generated lister with the generated record. */
public final class GizmoIndex {
  private GizmoIndex() {}

  public static List<Integer> sizesOwnedBy(GizmoLister lister, String owner) {
    return lister.byOwner(owner).stream().map(g -> g.spec().size()).toList();
  }
}
