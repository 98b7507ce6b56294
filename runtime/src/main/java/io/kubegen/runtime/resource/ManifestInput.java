package io.kubegen.runtime.resource;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One place manifests are read from: a file, a local URL, a stream, a string, or an object given
 * in Java. Files and URLs are read again on every walk; a stream is read once, on the first walk,
 * and kept. Thread-safe.
 */
sealed interface ManifestInput {

  /** How messages name this input: the path as given, the URL, {@code STDIN}, {@code <string N>}, {@code <object N>}. */
  String location();

  /** A file; read as UTF-8 (invalid bytes replaced) on every walk. */
  record File(Path path) implements ManifestInput {
    @Override
    public String location() { return path.toString(); }

    String read() throws IOException {
      return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
    }
  }

  /** A {@code file:} or {@code jar:} URL; read on every walk. */
  record Url(URL url) implements ManifestInput {
    @Override
    public String location() { return url.toString(); }

    String read() throws IOException {
      try (InputStream in = url.openStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  /** Text given in Java. */
  record Text(String location, String text) implements ManifestInput {
    public Text {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(text, "text");
    }
  }

  /** An object given in Java, already converted to JSON. */
  record JavaObject(String location, JsonNode json) implements ManifestInput {}

  /** A stream such as {@code System.in}: read once, on the first walk, then kept in memory. */
  final class Stream implements ManifestInput {
    private final InputStream in;
    private String text;
    private IOException failure;

    Stream(InputStream in) {
      this.in = Objects.requireNonNull(in, "in");
    }

    @Override
    public String location() { return "STDIN"; }

    synchronized String read() throws IOException {
      if (text == null && failure == null) {
        try {
          text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
          failure = e;
        }
      }
      if (failure != null) {
        throw failure;
      }
      return text;
    }
  }

  /** The text of {@code input}; {@link JavaObject}s have none. */
  static String textOf(ManifestInput input) throws IOException {
    if (input instanceof File f) {
      return f.read();
    } else if (input instanceof Url u) {
      return u.read();
    } else if (input instanceof Text t) {
      return t.text();
    } else if (input instanceof Stream s) {
      return s.read();
    }
    throw new UncheckedIOException(new IOException("no text for " + input.location()));
  }
}
