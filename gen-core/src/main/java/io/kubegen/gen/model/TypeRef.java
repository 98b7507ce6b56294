package io.kubegen.gen.model;

import java.util.List;
import java.util.Objects;

/**
 * A reference to a (non-generic) declared Java type by package and simple names, such as
 * {@code com.example.Outer.Inner}. Writers turn it into a JavaPoet {@code ClassName}.
 *
 * @param packageName the package, {@code ""} for the unnamed package
 * @param simpleNames the simple names from the top-level type inwards, at least one
 */
public record TypeRef(String packageName, List<String> simpleNames) {

  public TypeRef {
    Objects.requireNonNull(packageName, "packageName");
    simpleNames = List.copyOf(simpleNames);
    if (simpleNames.isEmpty()) {
      throw new IllegalArgumentException("a type needs a simple name");
    }
  }

  /** A top-level type. */
  public static TypeRef of(String packageName, String simpleName) {
    return new TypeRef(packageName, List.of(simpleName));
  }

  /** The innermost simple name, such as {@code Inner}. */
  public String simpleName() {
    return simpleNames.get(simpleNames.size() - 1);
  }

  /** The canonical name, such as {@code com.example.Outer.Inner}. */
  public String canonicalName() {
    String names = String.join(".", simpleNames);
    return packageName.isEmpty() ? names : packageName + "." + names;
  }

  @Override
  public String toString() {
    return canonicalName();
  }
}
