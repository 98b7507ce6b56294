package io.kubegen.runtime.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PEM text given either inline or as a file, with the label that names it in error messages
 * (a builder method such as {@code clientKeyData}, or a kubeconfig field such as
 * {@code /home/a/.kube/config: users[1].user.client-key-data}). Immutable.
 */
record PemSource(String inline, Path file, String label) {

  /** The PEM text; a file is read on every call. */
  String read() {
    if (inline != null) {
      return inline;
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new KubeConfigException(label + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** The name used in errors about the content: the label, plus the file when there is one. */
  String describe() {
    return file == null ? label : label + " (" + file + ")";
  }
}
