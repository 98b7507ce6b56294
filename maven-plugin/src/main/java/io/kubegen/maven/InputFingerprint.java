package io.kubegen.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SHA-256 digest over everything a generation run depends on: the options, the content of the
 * source files and the identity (path, size, modification time) of each class path entry.
 * Two runs with equal fingerprints produce the same files, so the second can be skipped.
 *
 * <p>Not thread-safe: build one fingerprint on one thread.
 */
final class InputFingerprint {

  private final MessageDigest digest;

  InputFingerprint() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Adds a named option value; null and empty differ. */
  InputFingerprint option(String name, Object value) {
    text("option " + name + "=" + (value == null ? "<null>" : "'" + value + "'"));
    return this;
  }

  /** Adds each source file by path and content. */
  InputFingerprint sources(List<Path> files) {
    for (Path file : files) {
      text("source " + file.toAbsolutePath().normalize());
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
        in.transferTo(OutputSink.INSTANCE);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file, e);
      }
    }
    return this;
  }

  /**
   * Adds a class path entry: a jar by path, size and modification time; a directory by the same
   * for every file under it. A missing entry is recorded as missing.
   */
  InputFingerprint classpathEntry(Path entry) {
    Path normal = entry.toAbsolutePath().normalize();
    if (!Files.exists(normal)) {
      text("classpath " + normal + " missing");
    } else if (Files.isDirectory(normal)) {
      text("classpath dir " + normal);
      try (Stream<Path> files = Files.walk(normal)) {
        files.filter(Files::isRegularFile).sorted().forEach(file -> fileIdentity(normal.relativize(file).toString(), file));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + normal, e);
      }
    } else {
      fileIdentity(normal.toString(), normal);
    }
    return this;
  }

  /** The hex digest; the fingerprint must not be used afterwards. */
  String finish() {
    return HexFormat.of().formatHex(digest.digest());
  }

  private void fileIdentity(String name, Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      text("file " + name + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read attributes of " + file, e);
    }
  }

  private void text(String line) {
    digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Discards bytes; the digest stream in front of it does the work. */
  private static final class OutputSink extends java.io.OutputStream {
    static final OutputSink INSTANCE = new OutputSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
