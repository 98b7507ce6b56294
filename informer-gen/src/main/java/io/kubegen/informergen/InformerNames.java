package io.kubegen.informergen;

import java.util.Set;

/**
 * Names informer-gen chooses beyond gen-core's {@code GeneratedNames}. Stateless.
 */
final class InformerNames {
  /**
   * No-argument methods a {@code SharedInformerFactory} already has (its own, its base class's
   * and {@code Object}'s), which a group accessor must not reuse.
   */
  static final Set<String> FACTORY_METHODS = Set.of("clientset", "start", "shutdown", "informers", "namespace",
      "tweakListOptions", "defaultResync", "getClass", "hashCode", "toString", "notify", "notifyAll", "wait",
      "clone", "finalize");

  private InformerNames() {}

  /**
   * The factory's accessor of the group with package segment {@code segment}: the segment itself
   * ({@code samplecontroller()}), with a trailing {@code _} when a factory method already has that
   * name ({@code wait_()} for group {@code wait.example.com}), as gen-core does for keywords.
   */
  static String groupAccessor(String segment) {
    return FACTORY_METHODS.contains(segment) ? segment + "_" : segment;
  }
}
