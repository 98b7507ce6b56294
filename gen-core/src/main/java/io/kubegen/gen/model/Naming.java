package io.kubegen.gen.model;

import java.util.Locale;
import javax.lang.model.SourceVersion;

/**
 * The naming rules of generated code, in one place (see DESIGN.md, "Generated code"). Stateless.
 *
 * <ul>
 *   <li>group package segment: the group's first DNS label, lower case, without {@code -};
 *       {@code core} for the core group {@code ""};
 *   <li>{@code <G>}, {@code <V>}: the segments capitalised ({@code Samplecontroller},
 *       {@code V1alpha1});
 *   <li>resource accessors: the lower-camel plural of the kind ({@code configMaps},
 *       {@code networkPolicies}, {@code foos});
 *   <li>trees under the base package: {@link #CLIENTSET}, {@link #LISTERS}, {@link #INFORMERS},
 *       and {@code <base>.clientset.fake} for the fake clientset.
 * </ul>
 */
public final class Naming {

  /** Sub-package of the base package holding the clientset. */
  public static final String CLIENTSET = "clientset";
  /** Sub-package of the base package holding the listers. */
  public static final String LISTERS = "listers";
  /** Sub-package of the base package holding the informers. */
  public static final String INFORMERS = "informers";
  /** Sub-package of {@link #CLIENTSET} holding the fake clientset. */
  public static final String FAKE = "fake";

  private Naming() {}

  /** The package segment of a group: first DNS label without {@code -}, or {@code core} for {@code ""}. */
  public static String groupSegment(String group) {
    if (group.isEmpty()) {
      return "core";
    }
    int dot = group.indexOf('.');
    String label = (dot < 0 ? group : group.substring(0, dot)).toLowerCase(Locale.ROOT).replace("-", "");
    return identifierSafe(label);
  }

  /** The package segment of a version: the version itself, lower case. */
  public static String versionSegment(String version) {
    return identifierSafe(version.toLowerCase(Locale.ROOT));
  }

  /** {@code foo} → {@code Foo}. */
  public static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /**
   * Lower camel case of a capitalised name, keeping acronyms readable: {@code ConfigMaps} →
   * {@code configMaps}, {@code URLMaps} → {@code urlMaps}, {@code CSRs} → {@code csrs}.
   */
  public static String lowerCamel(String s) {
    int upper = 0;
    while (upper < s.length() && Character.isUpperCase(s.charAt(upper))) {
      upper++;
    }
    if (upper <= 1) {
      return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
    String rest = s.substring(upper);
    if (upper == s.length() || rest.equals("s") || rest.equals("es")) {
      return s.toLowerCase(Locale.ROOT);
    }
    return s.substring(0, upper - 1).toLowerCase(Locale.ROOT) + s.substring(upper - 1);
  }

  /** The accessor name of a kind: lower-camel plural, such as {@code networkPolicies}. */
  public static String resourceAccessor(String kind) {
    return identifierSafe(lowerCamel(Pluraliser.pluralise(kind)));
  }

  /** {@code base.tree}, or {@code tree} alone for an empty base. */
  public static String subPackage(String base, String tree) {
    return base.isEmpty() ? tree : base + "." + tree;
  }

  /** {@code <base>.<tree>.<g>.<v>}, such as {@code com.example.generated.clientset.samplecontroller.v1alpha1}. */
  public static String groupVersionPackage(String base, String tree, ApiGroupVersion gv) {
    return subPackage(base, tree) + "." + gv.packageSuffix();
  }

  /** Appends {@code _} to Java keywords so the name can be a package segment or identifier. */
  static String identifierSafe(String name) {
    return SourceVersion.isKeyword(name) ? name + "_" : name;
  }
}
