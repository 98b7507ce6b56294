package io.kubegen.runtime.resource;

import java.util.Objects;

/**
 * Where an object of a manifest came from: the file, URL or stream, and the document in it.
 * Documents are counted from 1 in the order they appear: each stretch between YAML
 * {@code ---} separators is one (empty ones included), and each value of a JSON stream is one.
 * Every item of a {@code List} has the source of its list.
 *
 * @param location the file path as given, the URL, {@code STDIN}, {@code <string N>} or {@code <object N>}
 * @param document the document number, from 1
 */
public record ManifestSource(String location, int document) {

  public ManifestSource {
    Objects.requireNonNull(location, "location");
    if (document < 1) {
      throw new IllegalArgumentException("documents are counted from 1: " + document);
    }
  }

  /** {@code "<location>" (document N)}, as messages quote a source. */
  public String quoted() {
    return "\"" + location + "\" (document " + document + ")";
  }

  @Override
  public String toString() {
    return location + " (document " + document + ")";
  }
}
