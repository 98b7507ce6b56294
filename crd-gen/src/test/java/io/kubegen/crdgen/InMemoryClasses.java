package io.kubegen.crdgen;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * The classes of a compile-testing compilation, loadable (with the test class path as parent), for
 * tools that need the model as classes, such as fabric8's CRD generator; with
 * {@link #withResources} also the resources it generated (such as the CRD files), so that the
 * generated {@code CustomResourceDefinitions.urls()} finds them.
 */
final class InMemoryClasses extends ClassLoader {
  private static final String CLASS_OUTPUT = "CLASS_OUTPUT/";
  private final Map<String, byte[]> classes = new HashMap<>();
  private final Map<String, URL> resources = new HashMap<>();

  InMemoryClasses(Compilation compilation) {
    super(InMemoryClasses.class.getClassLoader());
    for (JavaFileObject f : compilation.generatedFiles()) {
      String name = f.getName();
      if (f.getKind() != JavaFileObject.Kind.CLASS || !name.contains(CLASS_OUTPUT)) {
        continue;
      }
      String binary = name.substring(name.indexOf(CLASS_OUTPUT) + CLASS_OUTPUT.length(), name.length() - ".class".length())
          .replace('/', '.');
      try (InputStream in = f.openInputStream()) {
        classes.put(binary, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The classes of {@code compilation} and the other files it wrote to the class output, copied
   * below {@code folder} (which must be empty) so that they have URLs.
   */
  static InMemoryClasses withResources(Compilation compilation, Path folder) {
    InMemoryClasses loader = new InMemoryClasses(compilation);
    for (JavaFileObject f : compilation.generatedFiles()) {
      String name = f.getName();
      if (f.getKind() == JavaFileObject.Kind.CLASS || !name.contains(CLASS_OUTPUT)) {
        continue;
      }
      String resource = name.substring(name.indexOf(CLASS_OUTPUT) + CLASS_OUTPUT.length());
      try (InputStream in = f.openInputStream()) {
        Path copy = folder.resolve(resource);
        Files.createDirectories(copy.getParent());
        Files.write(copy, in.readAllBytes());
        loader.resources.put(resource, copy.toUri().toURL());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return loader;
  }

  @Override
  protected URL findResource(String name) {
    return resources.get(name);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }
}
