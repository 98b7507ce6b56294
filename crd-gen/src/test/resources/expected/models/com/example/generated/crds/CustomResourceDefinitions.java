package com.example.generated.crds;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The CustomResourceDefinitions kubegen generated for this module's resource types: class-path
 * resources under {@code META-INF/kubegen/crds/}, also listed in the {@code index} file there. Install them on
 * a cluster ({@code kubectl apply -f}) or an embedded API server.
 */
@Generated("io.kubegen.crdgen.CrdGenStep")
public final class CustomResourceDefinitions {
  /**
   * The class-path resource paths of the CRD files, sorted.
   */
  public static final List<String> RESOURCES = List.of(
      "META-INF/kubegen/crds/gadgets.widgets.example.com.yaml",
      "META-INF/kubegen/crds/widgets.widgets.example.com.yaml");

  private CustomResourceDefinitions() {
  }

  /**
   * The CRD files, resolved with this class's loader, in the order of {@link #RESOURCES}.
   *
   * @throws IllegalStateException if one of them is not on the class path
   */
  public static List<URL> urls() {
    ClassLoader loader = CustomResourceDefinitions.class.getClassLoader();
    List<URL> urls = new ArrayList<>();
    for (String resource : RESOURCES) {
      URL found = loader == null ? ClassLoader.getSystemResource(resource) : loader.getResource(resource);
      if (found == null) {
        throw new IllegalStateException("generated CRD file " + resource + " is not on the class path");
      }
      urls.add(found);
    }
    return List.copyOf(urls);
  }
}
