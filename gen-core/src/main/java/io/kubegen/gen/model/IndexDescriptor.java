package io.kubegen.gen.model;

import java.util.List;
import java.util.Objects;

/**
 * One {@code @GenIndex}: a named cache index whose keys are read along a resolved property chain.
 * Index keys are the {@code String.valueOf} of the values the chain ends at (see
 * {@link PropertyStep} for collections and maps).
 *
 * @param name the index name and lister method name, such as {@code byOwner}
 * @param path the dotted path as written, such as {@code spec.owner}
 * @param steps the resolved accessor chain, one step per path segment
 */
public record IndexDescriptor(String name, String path, List<PropertyStep> steps) {

  public IndexDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    steps = List.copyOf(steps);
  }
}
