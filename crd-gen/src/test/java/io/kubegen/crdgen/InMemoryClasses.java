package io.kubegen.crdgen;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * The classes of a compile-testing compilation, loadable (with the test class path as parent), for
 * tools that need the model as classes, such as fabric8's CRD generator.
 */
final class InMemoryClasses extends ClassLoader {
  private static final String CLASS_OUTPUT = "CLASS_OUTPUT/";
  private final Map<String, byte[]> classes = new HashMap<>();

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

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }
}
