package io.kubegen.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Turns the {@code includeDependencyTypes} entries into class names for the compiler: a plain
 * name stays as it is, {@code com.example.api.*} becomes every top-level class of that package
 * found on the class path (jars and folders), sorted.
 *
 * <p>Immutable; safe to share.
 */
final class DependencyTypes {

  private final List<Path> classpath;

  DependencyTypes(List<Path> classpath) {
    this.classpath = List.copyOf(classpath);
  }

  /**
   * The class names for {@code entries}, without duplicates, in the order given.
   *
   * @throws IllegalArgumentException for a malformed entry or a package with no classes
   */
  List<String> expand(List<String> entries) {
    Set<String> names = new LinkedHashSet<>();
    for (String raw : entries) {
      if (raw == null || raw.isBlank()) {
        continue;
      }
      for (String part : raw.split(",")) {
        String entry = part.trim();
        if (entry.isEmpty()) {
          continue;
        }
        if (entry.endsWith(".*")) {
          String pkg = entry.substring(0, entry.length() - 2);
          requireQualifiedName(pkg, entry);
          Set<String> found = classesInPackage(pkg);
          if (found.isEmpty()) {
            throw new IllegalArgumentException("includeDependencyTypes: no classes of package "
                + pkg + " on the compile class path");
          }
          names.addAll(found);
        } else {
          requireQualifiedName(entry, entry);
          names.add(entry);
        }
      }
    }
    return new ArrayList<>(names);
  }

  private static void requireQualifiedName(String name, String entry) {
    for (String segment : name.split("\\.", -1)) {
      if (!javax.lang.model.SourceVersion.isIdentifier(segment)) {
        throw new IllegalArgumentException("includeDependencyTypes: '" + entry
            + "' is not a fully qualified class name (or package name followed by .*)");
      }
    }
  }

  private Set<String> classesInPackage(String pkg) {
    String prefix = pkg.replace('.', '/') + "/";
    Set<String> found = new TreeSet<>();
    for (Path entry : classpath) {
      if (Files.isDirectory(entry)) {
        Path dir = entry.resolve(prefix);
        if (Files.isDirectory(dir)) {
          try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).forEach(f -> addIfTopLevel(pkg, f, found));
          } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
          }
        }
      } else if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
        try (ZipFile zip = new ZipFile(entry.toFile())) {
          Enumeration<? extends ZipEntry> zipEntries = zip.entries();
          while (zipEntries.hasMoreElements()) {
            String name = zipEntries.nextElement().getName();
            if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
              addIfTopLevel(pkg, name.substring(prefix.length()), found);
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read " + entry, e);
        }
      }
    }
    return found;
  }

  private static void addIfTopLevel(String pkg, String fileName, Set<String> found) {
    if (fileName.endsWith(".class") && fileName.indexOf('$') < 0
        && !fileName.equals("package-info.class") && !fileName.equals("module-info.class")) {
      found.add(pkg + "." + fileName.substring(0, fileName.length() - ".class".length()));
    }
  }
}
