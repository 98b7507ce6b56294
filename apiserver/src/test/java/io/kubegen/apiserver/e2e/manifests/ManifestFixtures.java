package io.kubegen.apiserver.e2e.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The manifests both kubectl and kubegen are given, written into a test's directory. */
final class ManifestFixtures {
  /** Three objects in four documents (one holds only a comment); the second names its own namespace. */
  static final String MULTI = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: one
        labels: {tier: web}
      data: {a: "1"}
      ---
      # a document with only a comment
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: two
        namespace: kube-public
      data: {b: "2"}
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: s1}
      data: {k: dmFsdWU=}
      """;

  /** A List of two ConfigMaps, one labelled. */
  static final String LIST = """
      {"apiVersion":"v1","kind":"List","items":[
       {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"l1"},"data":{"x":"1"}},
       {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"l2","labels":{"tier":"web"}},"data":{"x":"2"}}]}
      """;

  /** An unknown kind, then a good object: the unknown one fails alone. */
  static final String UNKNOWN_KIND = """
      apiVersion: example.io/v1
      kind: Gadget
      metadata: {name: g1}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: after-unknown}
      """;

  /** A good object, a malformed one, and one after it that is never read. */
  static final String MALFORMED = """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: before-bad}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: bad
        data: [
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: after-bad}
      """;

  /** A good object, one without a kind, and one after it that is never read. */
  static final String INVALID = """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: before-invalid}
      ---
      apiVersion: v1
      metadata: {name: no-kind}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: after-invalid}
      """;

  /** One object in another namespace than the enforced one, one without a namespace. */
  static final String MISMATCH = """
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: elsewhere, namespace: kube-system}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: here}
      """;

  static final String CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata:
        name: widgets.example.io
      spec:
        group: example.io
        scope: Namespaced
        names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList, shortNames: [wd]}
        versions:
        - name: v1
          served: true
          storage: true
          schema:
            openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
      """;

  static final String WIDGETS = """
      apiVersion: example.io/v1
      kind: Widget
      metadata: {name: w1}
      spec: {size: 1}
      ---
      apiVersion: example.io/v1
      kind: Widget
      metadata: {name: w2, labels: {tier: web}}
      spec: {size: 2}
      """;

  private ManifestFixtures() {}

  static Path write(Path dir, String name, String content) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A folder with the CustomResourceDefinition first (by name) and its custom resources second. */
  static Path crdFolder(Path dir) {
    Path folder = dir.resolve("crds");
    write(folder, "a-crd.yaml", CRD);
    write(folder, "b-widgets.yaml", WIDGETS);
    write(folder, "notes.txt", "not a manifest: files in folders need .yaml, .yml or .json");
    write(folder, "nested/deeper.yml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: nested}\n");
    return folder;
  }
}
