package io.kubegen.gen.processing;

import io.kubegen.gen.model.IndexDescriptor;
import io.kubegen.gen.model.ResourceDescriptor;

/**
 * The lister naming rule that lister-gen and informer-gen both apply before writing a type's
 * lister or informer: no {@code @GenIndex} of a namespaced type may be named like the lister's
 * namespace accessor ({@code foos(String namespace)}). Stateless.
 */
public final class ListerIndexNames {
  private ListerIndexNames() {}

  /**
   * Whether every index name of {@code r} fits next to its lister's methods; each clash is printed
   * as {@code [kubegen.invalid-index]} on the type (once per compilation, however many steps
   * check it).
   */
  public static boolean fit(ResourceDescriptor r, Diagnostics diagnostics) {
    boolean fit = true;
    for (IndexDescriptor index : r.indexes()) {
      if (r.namespaced() && index.name().equals(r.accessorName())) {
        diagnostics.error(r.element(), Diagnostic.INVALID_INDEX, index.name(), r.element().getSimpleName(),
            "it clashes with the lister method " + r.accessorName() + "(String namespace); choose another name");
        fit = false;
      }
    }
    return fit;
  }
}
