package io.kubegen.runtime.resource;

import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.LabelSelector;
import io.kubegen.runtime.api.LabelSelectorParseException;
import io.kubegen.runtime.dynamic.DiscoveryClient;
import io.kubegen.runtime.json.Json;
import io.kubegen.runtime.rest.RestClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Collects manifest sources and the rules to apply to them, as kubectl's {@code resource.Builder}
 * behind {@code kubectl create -f}:
 * <pre>{@code
 * ResourceResult result = ResourceBuilder.create(client)
 *     .files(Path.of("deploy"))          // files, or directories (their .yaml, .yml and .json files)
 *     .namespace("team-a")                // where objects without a namespace go
 *     .continueOnError()
 *     .build();
 * result.visit(info -> info.helper().create(info.namespace(), info.object()));
 * }</pre>
 *
 * <p>Sources: files and directories ({@link #files}; a directory gives its {@code .yaml},
 * {@code .yml} and {@code .json} files in name order, and those of its subdirectories with
 * {@link #recursive(boolean)}; a file named directly is read whatever its name), local URLs
 * ({@link #urls}: {@code file:} and {@code jar:file:}, such as class-path resources), a stream
 * ({@link #stdin}), strings ({@link #strings}) and Java objects ({@link #objects}). Each source may
 * hold several YAML documents or JSON values, and {@code List}s are flattened.
 *
 * <p>Not thread-safe; {@link #build()} returns an immutable {@link ResourceResult}.
 */
public final class ResourceBuilder {
  private static final List<String> EXTENSIONS = List.of(".json", ".yaml", ".yml");

  private final RestClient client;
  private RestMapper mapper;
  private final List<Object> sources = new ArrayList<>();
  private boolean recursive;
  private String namespace;
  private boolean enforceNamespace;
  private LabelSelector selector;
  private boolean continueOnError;
  private int strings;
  private int objects;

  private ResourceBuilder(RestClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** A builder whose objects are mapped and written through {@code client}. */
  public static ResourceBuilder create(RestClient client) {
    return new ResourceBuilder(client);
  }

  /**
   * The mapper to map kinds with; by default a new one over {@code DiscoveryClient.create(client)}
   * per built result. Share one to read discovery once for many builds.
   */
  public ResourceBuilder mapper(RestMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    return this;
  }

  /** Files and directories, read in the order given; existence is checked by {@link #build()}. */
  public ResourceBuilder files(Path... paths) {
    for (Path p : paths) {
      sources.add(Objects.requireNonNull(p, "path"));
    }
    return this;
  }

  /** Whether directories are read with their subdirectories (kubectl's {@code -R}); default false. */
  public ResourceBuilder recursive(boolean recursive) {
    this.recursive = recursive;
    return this;
  }

  /**
   * Local URLs: {@code file:} and {@code jar:file:} (class-path resources). Remote manifests are
   * not fetched here; download them and pass the text to {@link #strings}.
   *
   * @throws IllegalArgumentException for any other kind of URL
   */
  public ResourceBuilder urls(URL... urls) {
    for (URL url : urls) {
      Objects.requireNonNull(url, "url");
      String protocol = url.getProtocol().toLowerCase(Locale.ROOT);
      boolean local = protocol.equals("file") || (protocol.equals("jar") && url.getPath().startsWith("file:"));
      if (!local) {
        throw new IllegalArgumentException("only local URLs (file:, jar:file:) are read: " + url);
      }
      sources.add(protocol.equals("file") ? new ManifestInput.File(toPath(url)) : new ManifestInput.Url(url));
    }
    return this;
  }

  /** A stream, such as {@code System.in}, named {@code STDIN} in messages; read once, on the first walk. */
  public ResourceBuilder stdin(InputStream in) {
    sources.add(new ManifestInput.Stream(in));
    return this;
  }

  /** Manifests given as text, named {@code <string 1>}, {@code <string 2>}, ... in messages. */
  public ResourceBuilder strings(String... manifests) {
    for (String m : manifests) {
      sources.add(new ManifestInput.Text("<string " + (++strings) + ">", Objects.requireNonNull(m, "manifest")));
    }
    return this;
  }

  /**
   * Objects built in Java (generated models, {@code GenericObject}s, maps), named
   * {@code <object 1>}, ... in messages; each must have {@code apiVersion} and {@code kind}.
   */
  public ResourceBuilder objects(Object... values) {
    for (Object o : values) {
      Objects.requireNonNull(o, "object");
      sources.add(new ManifestInput.JavaObject("<object " + (++objects) + ">", Json.mapper().valueToTree(o)));
    }
    return this;
  }

  /** {@link #objects(Object...)} for a collection. */
  public ResourceBuilder objects(List<? extends KubernetesObject> values) {
    return objects(values.toArray());
  }

  /** The namespace of objects of namespaced kinds that name none; default: the client config's namespace. */
  public ResourceBuilder namespace(String namespace) {
    if (namespace == null || namespace.isEmpty()) {
      throw new IllegalArgumentException("namespace may not be empty");
    }
    this.namespace = namespace;
    return this;
  }

  /**
   * Fail every object of a namespaced kind that names a namespace other than {@link #namespace}
   * (kubectl with {@code --namespace}): "the namespace from the provided object ... does not match
   * the namespace ...".
   */
  public ResourceBuilder enforceNamespace() {
    this.enforceNamespace = true;
    return this;
  }

  /**
   * Keep only objects whose labels match {@code selector} (kubectl's {@code -l}); documents that
   * fail before their labels can be matched are still reported.
   *
   * @throws IllegalArgumentException if the selector does not parse
   */
  public ResourceBuilder labelSelector(String selector) {
    try {
      this.selector = LabelSelector.parse(Objects.requireNonNull(selector, "selector"));
    } catch (LabelSelectorParseException e) {
      throw new IllegalArgumentException("the provided selector \"" + selector + "\" is not valid: " + e.getMessage(), e);
    }
    return this;
  }

  /** Record every failure with its source and go on, instead of stopping at the first. */
  public ResourceBuilder continueOnError() {
    this.continueOnError = true;
    return this;
  }

  /**
   * The result to walk. Directories are listed now.
   *
   * @throws IllegalStateException if no source was given
   * @throws IllegalArgumentException if a path does not exist ({@code the path "x" does not exist})
   * @throws UncheckedIOException if a directory cannot be listed
   */
  public ResourceResult build() {
    if (sources.isEmpty()) {
      throw new IllegalStateException("no manifest sources: give files, urls, stdin, strings or objects");
    }
    List<ManifestInput> inputs = new ArrayList<>();
    for (Object s : sources) {
      if (s instanceof Path path) {
        expand(path, inputs);
      } else if (s instanceof ManifestInput.File file) {
        expand(file.path(), inputs);
      } else {
        inputs.add((ManifestInput) s);
      }
    }
    RestMapper m = mapper != null ? mapper : RestMapper.create(DiscoveryClient.create(client));
    String ns = namespace != null ? namespace : client.config().namespace();
    return new ResourceResult(client, m, inputs, ns, enforceNamespace, selector, continueOnError);
  }

  private void expand(Path path, List<ManifestInput> inputs) {
    if (!Files.exists(path)) {
      throw new IllegalArgumentException("the path \"" + path + "\" does not exist");
    }
    if (!Files.isDirectory(path)) {
      inputs.add(new ManifestInput.File(path));
      return;
    }
    walk(path, inputs);
  }

  private void walk(Path dir, List<ManifestInput> inputs) {
    List<Path> entries;
    try (Stream<Path> list = Files.list(dir)) {
      entries = list.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the directory \"" + dir + "\": " + e.getMessage(), e);
    }
    for (Path entry : entries) {
      if (Files.isDirectory(entry)) {
        if (recursive) {
          walk(entry, inputs);
        }
      } else if (hasManifestExtension(entry)) {
        inputs.add(new ManifestInput.File(entry));
      }
    }
  }

  private static boolean hasManifestExtension(Path file) {
    String name = file.getFileName().toString();
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  private static Path toPath(URL url) {
    try {
      return Path.of(url.toURI());
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a file URL: " + url, e);
    }
  }
}
