package io.kubegen.runtime.config;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A kubeconfig, loaded and merged the way kubectl does it, and the source of
 * {@link RestConfig}s for its contexts.
 *
 * <p>Loading: {@link #load()} reads the files listed in {@code $KUBECONFIG} (separated by the
 * platform's path separator; empty entries and duplicates dropped, files that do not exist
 * skipped), or {@code ~/.kube/config} when {@code $KUBECONFIG} is unset or empty.
 * {@link #load(Path...)} merges an explicit list the same way, but every file must exist. Each
 * file is YAML 1.1 as kubectl reads it (anchors, aliases and merge keys work, {@code yes} is a
 * boolean) and must fit the {@code v1} schema in every entry, used or not; unknown fields are
 * ignored. The environment a configuration was loaded with also supplies {@code HTTPS_PROXY},
 * {@code HTTP_PROXY} and {@code NO_PROXY}.
 *
 * <p>Merging: the first file to set a value wins. {@code current-context} comes from the first
 * file that sets it; a cluster, user or context is taken whole from the first file that defines
 * its name (later definitions of that name are ignored, not merged field by field). A name
 * defined twice in one file is an error. Relative paths (CA, client certificate and key, token
 * file, an exec command containing a {@code /}) resolve against the directory of the file that
 * named them.
 *
 * <p>Immutable and thread-safe. Errors are {@link KubeConfigException}s naming the file and
 * field; {@link #toString()} shows files and context names only.
 */
public final class KubeConfig {
  private final List<Path> files;
  private final Map<String, String> env;
  private final String missingNote;
  private final String currentContext;
  private final Map<String, KubeConfigEntry> clusters = new LinkedHashMap<>();
  private final Map<String, KubeConfigEntry> users = new LinkedHashMap<>();
  private final Map<String, KubeConfigEntry> contexts = new LinkedHashMap<>();

  private KubeConfig(List<KubeConfigFile> parsed, String missingNote, Map<String, String> env) {
    this.files = parsed.stream().map(KubeConfigFile::file).toList();
    this.env = env;
    this.missingNote = missingNote;
    String current = null;
    for (KubeConfigFile file : parsed) {
      if (current == null) {
        current = file.currentContext().orElse(null);
      }
      file.clusters().forEach(clusters::putIfAbsent);
      file.users().forEach(users::putIfAbsent);
      file.contexts().forEach(contexts::putIfAbsent);
    }
    this.currentContext = current;
  }

  /** Loads {@code $KUBECONFIG}, or {@code ~/.kube/config} when it is unset. */
  public static KubeConfig load() {
    return load(System.getenv());
  }

  /**
   * Like {@link #load()} with the environment given: {@code KUBECONFIG}, and {@code HOME} for
   * the default file (the {@code user.home} property when {@code HOME} is unset).
   */
  public static KubeConfig load(Map<String, String> env) {
    String list = env.getOrDefault("KUBECONFIG", "");
    if (!list.isEmpty()) {
      Set<Path> paths = new LinkedHashSet<>();
      for (String entry : list.split(File.pathSeparator, -1)) {
        if (!entry.isEmpty()) {
          paths.add(Path.of(entry));
        }
      }
      List<KubeConfigFile> parsed = new ArrayList<>();
      for (Path path : paths) {
        if (Files.exists(path)) {
          parsed.add(KubeConfigFile.read(path));
        }
      }
      return new KubeConfig(parsed, parsed.isEmpty() ? "none of the files in $KUBECONFIG (" + list + ") exists" : null, env);
    }
    String home = env.getOrDefault("HOME", "");
    Path file = Path.of(home.isEmpty() ? System.getProperty("user.home") : home, ".kube", "config");
    if (!Files.exists(file)) {
      return new KubeConfig(List.of(), "$KUBECONFIG is unset and " + file + " does not exist", env);
    }
    return new KubeConfig(List.of(KubeConfigFile.read(file)), null, env);
  }

  /** Loads and merges the given files, first file first; each must exist. */
  public static KubeConfig load(Path... files) {
    if (files.length == 0) {
      throw new IllegalArgumentException("no kubeconfig file given");
    }
    List<KubeConfigFile> parsed = new ArrayList<>();
    for (Path file : new LinkedHashSet<>(Arrays.asList(files))) {
      parsed.add(KubeConfigFile.read(file));
    }
    return new KubeConfig(parsed, null, System.getenv());
  }

  /**
   * Parses one kubeconfig held in a string, as if read from {@code pretendFile}: errors name
   * that file and relative paths resolve against its directory.
   */
  public static KubeConfig parse(String yaml, Path pretendFile) {
    return new KubeConfig(List.of(KubeConfigFile.parse(yaml, pretendFile)), null, System.getenv());
  }

  /** The files this configuration was merged from, in order. */
  public List<Path> files() { return files; }

  /** The current context: the first {@code current-context} set in the files. */
  public Optional<String> currentContext() { return Optional.ofNullable(currentContext); }

  /** The names of all contexts, sorted. */
  public List<String> contextNames() {
    return contexts.keySet().stream().sorted().toList();
  }

  /** The names of all clusters, sorted. */
  public List<String> clusterNames() {
    return clusters.keySet().stream().sorted().toList();
  }

  /** The names of all users, sorted. */
  public List<String> userNames() {
    return users.keySet().stream().sorted().toList();
  }

  /**
   * The configuration of the current context.
   *
   * @throws KubeConfigException when no current context is set or the context is incomplete
   */
  public RestConfig restConfig() {
    if (currentContext == null && contexts.containsKey("")) {
      return restConfig(""); // kubectl's empty current context names the nameless context
    }
    if (currentContext == null) {
      throw new KubeConfigException(missingNote != null
          ? "no kubeconfig: " + missingNote
          : "no current-context is set in " + sources() + "; name a context explicitly");
    }
    return restConfig(currentContext);
  }

  /**
   * The configuration of the named context.
   *
   * @throws KubeConfigException when the context does not exist or is incomplete
   */
  public RestConfig restConfig(String context) {
    return restConfigBuilder(context).build();
  }

  /** A builder preset from the named context, to adjust before {@code build()}. */
  public RestConfig.Builder restConfigBuilder(String context) {
    KubeConfigEntry entry = contexts.get(context);
    if (entry == null) {
      throw new KubeConfigException("context \"" + context + "\" is not defined in " + sources()
          + (contexts.isEmpty() ? "" : "; known contexts: " + contextNames()));
    }
    return ContextRestConfigs.builder(entry, clusters, users, sources(), env);
  }

  /** The merged clusters, users and contexts by name, for kubegen's own tests and tools. */
  Map<String, KubeConfigEntry> clusterEntries() { return java.util.Collections.unmodifiableMap(clusters); }

  Map<String, KubeConfigEntry> userEntries() { return java.util.Collections.unmodifiableMap(users); }

  Map<String, KubeConfigEntry> contextEntries() { return java.util.Collections.unmodifiableMap(contexts); }

  private String sources() {
    if (files.isEmpty()) {
      return missingNote == null ? "an empty kubeconfig" : "an empty kubeconfig (" + missingNote + ")";
    }
    return files.size() == 1 ? files.get(0).toString()
        : files.stream().map(Path::toString).collect(Collectors.joining(", ", "[", "]"));
  }

  @Override
  public String toString() {
    return "KubeConfig{files=" + files + ", currentContext=" + currentContext + ", contexts=" + contextNames() + "}";
  }
}
