package io.kubegen.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubegen.runtime.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Registers CustomResourceDefinitions from YAML files, as if each had been applied through the
 * API: stored as a CustomResourceDefinition object (created, or its spec, labels and annotations
 * replaced when it exists), served, and its schema enforced. Every file is read and every CRD
 * checked before the first is stored, so a malformed file registers nothing. Also finds the
 * files listed by {@value #INDEX} on a class path. Thread-safe (stateless beyond the operations).
 */
public final class CrdRegistration {
  /** The class-path index of generated CRD files: one file name per line, {@code #} comments. */
  public static final String INDEX = "META-INF/kubegen/crds/index";

  private final ResourceOperations ops;

  /** Registers through {@code ops}. */
  public CrdRegistration(ResourceOperations ops) { this.ops = ops; }

  /** The CRD files every {@value #INDEX} on {@code loader} lists, in index order, each once. */
  public static List<URL> indexed(ClassLoader loader) {
    Set<URL> out = new LinkedHashSet<>();
    try {
      Enumeration<URL> indexes = loader.getResources(INDEX);
      while (indexes.hasMoreElements()) {
        URL index = indexes.nextElement();
        for (String file : readIndex(index)) {
          URL url;
          try {
            url = new URL(index, file);
          } catch (MalformedURLException e) {
            throw new IllegalArgumentException(index + ": bad file name \"" + file + "\": " + e.getMessage(), e);
          }
          out.add(url);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + INDEX + " on the class path: " + e.getMessage(), e);
    }
    return List.copyOf(out);
  }

  private static List<String> readIndex(URL index) throws IOException {
    List<String> files = new ArrayList<>();
    try (InputStream in = index.openStream();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        String file = line.strip();
        if (!file.isEmpty() && !file.startsWith("#")) {
          files.add(file);
        }
      }
    }
    return files;
  }

  /**
   * Registers every CRD in {@code files} (each may hold several {@code ---}-separated documents).
   *
   * @throws IllegalArgumentException naming the file and the field when a document is not a
   *     valid {@code apiextensions.k8s.io/v1} CustomResourceDefinition
   * @throws UncheckedIOException naming the file when it cannot be read
   */
  public void register(Collection<URL> files) {
    List<Loaded> crds = new ArrayList<>();
    for (URL url : files) {
      for (ObjectNode crd : read(url)) {
        check(url, crd);
        crds.add(new Loaded(url, crd));
      }
    }
    for (Loaded c : crds) {
      try {
        createOrReplace(c.crd());
      } catch (ApiException e) {
        throw new IllegalArgumentException(c.url() + ": " + e.getMessage(), e);
      }
    }
  }

  private record Loaded(URL url, ObjectNode crd) {}

  private static List<ObjectNode> read(URL url) {
    List<ObjectNode> docs = new ArrayList<>();
    try (InputStream in = url.openStream();
        MappingIterator<JsonNode> it = Json.yamlMapper().readerFor(JsonNode.class).readValues(in)) {
      int n = 0;
      while (it.hasNextValue()) {
        JsonNode doc = it.nextValue();
        n++;
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
          continue;
        }
        if (!(doc instanceof ObjectNode o)) {
          throw new IllegalArgumentException(url + ": document " + n + " is not a mapping");
        }
        docs.add(o);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(url + ": cannot read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException) {
        throw e;
      }
      throw new IllegalArgumentException(url + ": not valid YAML: " + e.getMessage(), e);
    }
    if (docs.isEmpty()) {
      throw new IllegalArgumentException(url + ": holds no CustomResourceDefinition");
    }
    return docs;
  }

  /** Checks a CRD as a create would, without storing it; names the file and the field. */
  private static void check(URL url, ObjectNode crd) {
    String apiVersion = Meta.text(crd, "apiVersion");
    String kind = Meta.text(crd, "kind");
    if (!CustomResourceDefinitions.DEFINITION.apiVersion().equals(apiVersion)) {
      throw new IllegalArgumentException(url + ": apiVersion: must be apiextensions.k8s.io/v1, got " + apiVersion);
    }
    if (!CustomResourceDefinitions.DEFINITION.kind().equals(kind)) {
      throw new IllegalArgumentException(url + ": kind: must be CustomResourceDefinition, got " + kind);
    }
    try {
      CustomResourceDefinitions.served(crd.deepCopy());
    } catch (ApiException e) {
      throw new IllegalArgumentException(url + ": " + e.getMessage(), e);
    }
  }

  private void createOrReplace(ObjectNode crd) {
    for (int attempt = 0; attempt < 8; attempt++) {
      try {
        ops.create(CustomResourceDefinitions.DEFINITION, null, crd.deepCopy(), false);
        return;
      } catch (ApiException e) {
        if (e.code() != 409) {
          throw e;
        }
      }
      try {
        ops.change(CustomResourceDefinitions.DEFINITION, null, Meta.name(crd), current -> replaced(current, crd), false,
            false);
        return;
      } catch (ApiException e) {
        if (e.code() != 404) {
          throw e;
        }
        // deleted in between: create it again
      }
    }
    throw new IllegalStateException("CRD " + Meta.name(crd) + " kept changing while it was registered");
  }

  /** The stored CRD with the file's spec, labels and annotations, as {@code kubectl apply} leaves it. */
  private static ObjectNode replaced(ObjectNode current, ObjectNode crd) {
    current.set("spec", crd.path("spec").deepCopy());
    ObjectNode meta = current.withObjectProperty("metadata");
    for (String field : List.of("labels", "annotations")) {
      JsonNode v = crd.path("metadata").get(field);
      if (v == null) {
        meta.remove(field);
      } else {
        meta.set(field, v.deepCopy());
      }
    }
    return current;
  }
}
