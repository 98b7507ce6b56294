package io.kubegen.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.maven.model.Dependency;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Resolves {@link ProcessorPath}s with their dependencies, in order, through Maven's repository
 * system (so reactor modules, the local repository and the project's remote repositories are all
 * searched, as {@code maven-compiler-plugin} does for its {@code annotationProcessorPaths}).
 *
 * <p>Stateless apart from its collaborators; used by one execution.
 */
final class ProcessorPathResolver {
  private final RepositorySystem system;
  private final RepositorySystemSession session;
  private final MavenProject project;

  ProcessorPathResolver(RepositorySystem system, RepositorySystemSession session, MavenProject project) {
    this.system = Objects.requireNonNull(system, "system");
    this.session = Objects.requireNonNull(session, "session");
    this.project = Objects.requireNonNull(project, "project");
  }

  /**
   * The files of {@code paths} and of their runtime dependencies, each once, the paths' own order
   * kept (javac runs the processors it finds in that order).
   *
   * @throws IllegalArgumentException when an entry lacks coordinates or a version that cannot be found
   * @throws DependencyResolutionException when an entry cannot be resolved
   */
  List<Path> resolve(List<ProcessorPath> paths) throws DependencyResolutionException {
    Set<Path> files = new LinkedHashSet<>();
    for (ProcessorPath path : paths) {
      CollectRequest collect = new CollectRequest(new org.eclipse.aether.graph.Dependency(artifact(path), "runtime"),
          project.getRemoteProjectRepositories());
      List<ArtifactResult> results = system.resolveDependencies(session, new DependencyRequest(collect, null))
          .getArtifactResults();
      for (ArtifactResult result : results) {
        files.add(result.getArtifact().getFile().toPath().toAbsolutePath().normalize());
      }
    }
    return new ArrayList<>(files);
  }

  private DefaultArtifact artifact(ProcessorPath path) {
    if (blank(path.getGroupId()) || blank(path.getArtifactId())) {
      throw new IllegalArgumentException("an annotationProcessorPaths entry needs a groupId and an artifactId: " + path);
    }
    String version = blank(path.getVersion()) ? managedVersion(path) : path.getVersion();
    if (version == null) {
      throw new IllegalArgumentException("annotationProcessorPaths entry " + path.getGroupId() + ":"
          + path.getArtifactId() + " has no version, and the project neither manages nor depends on it");
    }
    return new DefaultArtifact(path.getGroupId(), path.getArtifactId(), path.getClassifier(),
        blank(path.getType()) ? "jar" : path.getType(), version);
  }

  /** The version the project's dependency management or dependencies give the entry's artifact. */
  private String managedVersion(ProcessorPath path) {
    List<Dependency> candidates = new ArrayList<>(project.getDependencies());
    if (project.getDependencyManagement() != null) {
      candidates.addAll(project.getDependencyManagement().getDependencies());
    }
    for (Dependency d : candidates) {
      if (d.getGroupId().equals(path.getGroupId()) && d.getArtifactId().equals(path.getArtifactId())
          && !blank(d.getVersion())) {
        return d.getVersion();
      }
    }
    return null;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
