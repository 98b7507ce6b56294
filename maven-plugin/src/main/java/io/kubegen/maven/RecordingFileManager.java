package io.kubegen.maven;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * A file manager that remembers every file the processors open for output, so the plugin can
 * count them, remove them before the next run and tell whether they are still there.
 *
 * <p>Used by one compilation at a time.
 */
final class RecordingFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {

  private final Set<Path> written = new TreeSet<>();

  RecordingFileManager(StandardJavaFileManager delegate) {
    super(delegate);
  }

  @Override
  public JavaFileObject getJavaFileForOutput(JavaFileManager.Location location, String className,
      JavaFileObject.Kind kind, FileObject sibling) throws IOException {
    return remember(location, super.getJavaFileForOutput(location, className, kind, sibling));
  }

  @Override
  public FileObject getFileForOutput(JavaFileManager.Location location, String packageName,
      String relativeName, FileObject sibling) throws IOException {
    return remember(location, super.getFileForOutput(location, packageName, relativeName, sibling));
  }

  /** The absolute paths of the files opened for output in the source output location. */
  Set<Path> writtenSources() {
    return Set.copyOf(written);
  }

  private <F extends FileObject> F remember(JavaFileManager.Location location, F file) {
    URI uri = file.toUri();
    if (location == StandardLocation.SOURCE_OUTPUT && "file".equals(uri.getScheme())) {
      written.add(Path.of(uri).toAbsolutePath().normalize());
    }
    return file;
  }
}
