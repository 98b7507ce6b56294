package io.kubegen.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the last successful run produced: the fingerprint of its inputs, the sources it wrote
 * (relative to the output directory) and the resources it wrote (relative to the class output
 * folder). Stored as a small text file under the build directory: the first line is the
 * fingerprint, each further line one source file, or {@code resource:} and one resource.
 *
 * @param fingerprint the hex digest of the inputs, see {@link InputFingerprint}
 * @param files the generated sources, relative to the output directory, sorted
 * @param resources the generated resources, relative to the class output folder, sorted
 */
record GenerationRecord(String fingerprint, List<String> files, List<String> resources) {

  private static final String RESOURCE = "resource:";

  GenerationRecord {
    files = List.copyOf(files);
    resources = List.copyOf(resources);
  }

  /** The record in {@code file}, or empty when there is none or it cannot be read. */
  static Optional<GenerationRecord> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || lines.get(0).isBlank()) {
        return Optional.empty();
      }
      List<String> files = new ArrayList<>();
      List<String> resources = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (line.startsWith(RESOURCE)) {
          resources.add(line.substring(RESOURCE.length()));
        } else if (!line.isBlank()) {
          files.add(line);
        }
      }
      return Optional.of(new GenerationRecord(lines.get(0).trim(), files, resources));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Writes the record to {@code file}, creating its directory. */
  void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    List<String> lines = new ArrayList<>();
    lines.add(fingerprint);
    lines.addAll(files);
    resources.forEach(r -> lines.add(RESOURCE + r));
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(temp, lines, StandardCharsets.UTF_8);
    Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Whether every file of the record still exists under {@code outputDirectory} and {@code classOutput}. */
  boolean filesPresentIn(Path outputDirectory, Path classOutput) {
    return files.stream().allMatch(name -> Files.isRegularFile(outputDirectory.resolve(name)))
        && resources.stream().allMatch(name -> Files.isRegularFile(classOutput.resolve(name)));
  }
}
