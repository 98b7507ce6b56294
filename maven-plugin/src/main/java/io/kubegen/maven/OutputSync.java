package io.kubegen.maven;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;

/**
 * Brings an output folder up to date from a staging folder, touching as little as possible: a
 * generated file is written only when it is new or its content changed (so an unchanged build
 * recompiles nothing downstream), and only files this plugin wrote last time and did not write
 * now are removed, with the folders they leave empty. Any other file in the folder (another
 * plugin's, the user's) is left alone.
 *
 * <p>Stateless; used by one execution.
 */
final class OutputSync {

  /**
   * What one sync did.
   *
   * @param written files created or changed
   * @param unchanged files already there with the same content
   * @param removed files of the previous run that this run did not write
   */
  record Outcome(int written, int unchanged, int removed) {}

  private OutputSync() {}

  /**
   * Copies {@code files} (relative paths) from {@code staging} to {@code output} where they differ,
   * and deletes the files of {@code previous} (relative to {@code output}) that are not in
   * {@code files}.
   */
  static Outcome sync(Path staging, Path output, Collection<String> files, Collection<String> previous)
      throws IOException {
    int written = 0;
    int unchanged = 0;
    for (String name : files) {
      Path from = staging.resolve(name);
      Path to = inside(output, name);
      byte[] content = Files.readAllBytes(from);
      if (Files.isRegularFile(to) && Arrays.equals(Files.readAllBytes(to), content)) {
        unchanged++;
        continue;
      }
      Files.createDirectories(to.getParent());
      Path temp = to.resolveSibling(to.getFileName() + ".kubegen-tmp");
      Files.write(temp, content);
      Files.move(temp, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      written++;
    }
    int removed = 0;
    Set<String> keep = Set.copyOf(files);
    for (String name : previous) {
      if (keep.contains(name)) {
        continue;
      }
      Path stale = inside(output, name);
      if (Files.deleteIfExists(stale)) {
        removed++;
        pruneEmptyFolders(stale.getParent(), output);
      }
    }
    return new Outcome(written, unchanged, removed);
  }

  /** {@code output/name}, refusing names that leave {@code output}. */
  private static Path inside(Path output, String name) {
    Path path = output.resolve(name).normalize();
    if (!path.startsWith(output) || path.equals(output)) {
      throw new IllegalArgumentException("not a file under " + output + ": " + name);
    }
    return path;
  }

  /** Deletes {@code folder} and its parents up to (not including) {@code root} while they are empty. */
  private static void pruneEmptyFolders(Path folder, Path root) throws IOException {
    for (Path f = folder; f != null && f.startsWith(root) && !f.equals(root); f = f.getParent()) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(f)) {
        if (entries.iterator().hasNext()) {
          return;
        }
      }
      Files.delete(f);
    }
  }
}
