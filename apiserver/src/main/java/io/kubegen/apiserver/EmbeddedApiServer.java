package io.kubegen.apiserver;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubegen.apiserver.internal.ApiHandler;
import io.kubegen.apiserver.internal.ApiException;
import io.kubegen.apiserver.internal.BuiltInResources;
import io.kubegen.apiserver.internal.CrdRegistration;
import io.kubegen.apiserver.internal.DefinitionSync;
import io.kubegen.apiserver.internal.ResourceOperations;
import io.kubegen.apiserver.internal.ResourceRegistry;
import io.kubegen.apiserver.internal.SelfSignedCertificate;
import io.kubegen.apiserver.storage.InMemoryStorage;
import io.kubegen.apiserver.storage.Storage;
import io.kubegen.runtime.config.RestConfig;
import io.kubegen.runtime.json.Json;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.handlers.HttpContinueAcceptingHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Options;

/**
 * An in-memory Kubernetes API server on loopback, for tests and demos. It serves discovery,
 * OpenAPI v3, CRUD, status subresources, patches, server-side apply, lists with selectors and
 * paging, and watches with replay and bookmarks for the built-in resources and any resource
 * registered through {@link #register} or a CustomResourceDefinition.
 *
 * <pre>{@code
 * try (EmbeddedApiServer server = EmbeddedApiServer.start()) {
 *   server.writeKubeconfig(Path.of("kubeconfig.yaml"));
 *   // kubectl --kubeconfig kubeconfig.yaml get namespaces
 * }
 * }</pre>
 *
 * <p>Thread-safe: requests are served concurrently; {@link #register} and {@link #close} may be
 * called from any thread.
 */
public final class EmbeddedApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedApiServer.class);
  private static final List<String> INITIAL_NAMESPACES = List.of("default", "kube-system", "kube-public");
  private static final AtomicInteger THREADS = new AtomicInteger();

  static {
    // Undertow logs through JBoss Logging; send it to SLF4J like the rest of kubegen unless told otherwise.
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j");
    }
  }

  private final Builder config;
  private final ResourceRegistry registry = new ResourceRegistry();
  private final Storage storage;
  private final ResourceOperations ops;
  private final SelfSignedCertificate certificate;
  private final ExecutorService watchExecutor;
  private final ApiHandler handler;
  /** Follows CRDs written by other servers over a shared storage; null over the in-memory storage. */
  private final DefinitionSync definitionSync;
  private final Undertow undertow;
  private final URI url;
  private volatile boolean closed;

  private EmbeddedApiServer(Builder b) {
    this.config = b;
    this.storage = b.storage != null ? b.storage : new InMemoryStorage(b.watchHistory);
    this.ops = new ResourceOperations(storage, registry);
    BuiltInResources.all().forEach(registry::register);
    this.certificate = b.https ? SelfSignedCertificate.generate() : null;
    this.watchExecutor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "kubegen-apiserver-watch-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    String[] address = new String[1];
    this.handler = new ApiHandler(registry, storage, ops, b.bearerToken, watchExecutor, () -> address[0],
        b.bookmarkIntervalMillis);
    Undertow.Builder ub = Undertow.builder()
        .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
        .setWorkerThreads(b.workerThreads)
        .setServerOption(UndertowOptions.ENABLE_HTTP2, false)
        .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, true)
        .setSocketOption(Options.REUSE_ADDRESSES, true)
        .setHandler(new HttpContinueAcceptingHandler(handler));
    if (certificate != null) {
      ub.addHttpsListener(b.port, b.host, certificate.sslContext());
    } else {
      ub.addHttpListener(b.port, b.host);
    }
    this.undertow = ub.build();
    try {
      undertow.start();
    } catch (RuntimeException e) {
      watchExecutor.shutdownNow();
      throw new IllegalStateException("cannot listen on " + b.host + ":" + b.port + ": " + e.getMessage(), e);
    }
    InetSocketAddress bound = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
    address[0] = b.host + ":" + bound.getPort();
    this.url = URI.create((certificate != null ? "https" : "http") + "://" + b.host + ":" + bound.getPort());
    try {
      // A shared storage (etcd) may already hold them, written by another server or before a restart.
      this.definitionSync = storage instanceof InMemoryStorage ? null : new DefinitionSync(storage, registry);
      if (definitionSync != null) {
        definitionSync.start();
      }
      ResourceDefinition namespaces = registry.find("", "v1", "namespaces");
      for (String ns : INITIAL_NAMESPACES) {
        if (storage.get(ResourceOperations.storageKey(namespaces), null, ns) == null) {
          ObjectNode namespace = JsonNodeFactory.instance.objectNode();
          namespace.putObject("metadata").put("name", ns);
          try {
            ops.create(namespaces, null, namespace, false);
          } catch (ApiException e) {
            if (e.code() != 409) {
              throw e;
            }
          }
        }
      }
    } catch (RuntimeException e) {
      undertow.stop();
      watchExecutor.shutdownNow();
      throw e;
    }
    LOG.debug("kubegen API server listening on {}", url);
  }

  /** Starts a server with the defaults: plain HTTP on a free loopback port, in-memory storage. */
  public static EmbeddedApiServer start() { return builder().build().start(); }

  /** A builder for a configured server. */
  public static Builder builder() { return new Builder(); }

  /** Where the server listens, such as {@code http://127.0.0.1:40123}. */
  public URI url() { return url; }

  /** The port the server listens on. */
  public int port() { return url.getPort(); }

  /** Whether the server speaks HTTPS. */
  public boolean isHttps() { return certificate != null; }

  /**
   * The server's certificate in PEM form (what clients trust as CA), or null over plain HTTP.
   */
  public String caCertificatePem() { return certificate == null ? null : certificate.pem(); }

  /**
   * A client configuration for this server: its URL, its certificate as CA when it speaks
   * HTTPS, its bearer token when it requires one, and no client-side rate limit, so tests and
   * benchmarks are not throttled by the 5 QPS default.
   */
  public RestConfig restConfig() {
    RestConfig.Builder b = RestConfig.builder().server(url.toString()).qps(-1f);
    if (certificate != null) {
      b.caData(certificate.pem());
    }
    if (config.bearerToken != null) {
      b.bearerToken(config.bearerToken);
    }
    return b.build();
  }

  /** The storage behind the server. */
  public Storage storage() { return storage; }

  /**
   * Serves another resource; replaces a definition with the same group, version and plural.
   *
   * @return this server
   */
  public EmbeddedApiServer register(ResourceDefinition definition) {
    registry.register(Objects.requireNonNull(definition, "definition"));
    return this;
  }

  /**
   * Registers every CustomResourceDefinition listed by every {@code META-INF/kubegen/crds/index}
   * on the thread's context class loader (else this class's loader): the CRDs kubegen generates
   * from annotated models. Same as {@link #registerCrds(Collection)} on those files.
   *
   * @return this server
   */
  public EmbeddedApiServer registerCrds() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return registerCrds(loader != null ? loader : EmbeddedApiServer.class.getClassLoader());
  }

  /**
   * Registers every CustomResourceDefinition listed by every {@code META-INF/kubegen/crds/index}
   * on {@code loader}; several jars may each carry an index.
   *
   * @return this server
   */
  public EmbeddedApiServer registerCrds(ClassLoader loader) {
    return registerCrds(CrdRegistration.indexed(Objects.requireNonNull(loader, "loader")));
  }

  /**
   * Registers the CustomResourceDefinitions in the given YAML files (each may hold several
   * {@code ---}-separated documents), such as a generated {@code CustomResourceDefinitions.urls()}.
   * Each is the same as creating it through the API: stored as a CustomResourceDefinition, served,
   * and its schema enforced on the objects written; registering a CRD again replaces it, as
   * {@code kubectl apply} does. Every file is checked before anything is registered.
   *
   * @return this server
   * @throws IllegalArgumentException naming the file and the field when a document is not a valid
   *     {@code apiextensions.k8s.io/v1} CustomResourceDefinition
   * @throws java.io.UncheckedIOException naming the file when it cannot be read
   */
  public EmbeddedApiServer registerCrds(Collection<URL> crdYamls) {
    new CrdRegistration(ops).register(List.copyOf(Objects.requireNonNull(crdYamls, "crdYamls")));
    return this;
  }

  /** The resources served now, built-ins first. */
  public List<ResourceDefinition> resources() { return registry.all(); }

  /**
   * Writes a kubeconfig with one cluster, one user and a current context pointing at this
   * server (namespace {@code default}), readable only by the owner when it holds a token.
   *
   * @return {@code file}
   */
  public Path writeKubeconfig(Path file) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("apiVersion", "v1").put("kind", "Config");
    ObjectNode cluster = root.putArray("clusters").addObject().put("name", "kubegen").putObject("cluster");
    cluster.put("server", url.toString());
    if (certificate != null) {
      cluster.put("certificate-authority-data",
          Base64.getEncoder().encodeToString(certificate.pem().getBytes(StandardCharsets.US_ASCII)));
    }
    ObjectNode user = root.putArray("users").addObject().put("name", "kubegen").putObject("user");
    if (config.bearerToken != null) {
      user.put("token", config.bearerToken);
    }
    root.putArray("contexts").addObject().put("name", "kubegen").putObject("context")
        .put("cluster", "kubegen").put("user", "kubegen").put("namespace", "default");
    root.put("current-context", "kubegen");
    root.putObject("preferences");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      byte[] yaml = Json.yamlMapper().writeValueAsBytes(root);
      Files.write(file, yaml, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        LOG.debug("cannot restrict permissions of {}", file);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write kubeconfig " + file, e);
    }
  }

  /** Stops listening, ends open watches and releases threads. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (definitionSync != null) {
      definitionSync.close();
    }
    handler.cancelWatches();
    undertow.stop();
    watchExecutor.shutdownNow();
    try {
      watchExecutor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    storage.close();
  }

  @Override
  public String toString() { return "EmbeddedApiServer{" + url + "}"; }

  /**
   * Configures an {@link EmbeddedApiServer}. Not thread-safe; build on one thread.
   */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private Storage storage;
    private boolean https;
    private String bearerToken;
    private int workerThreads = Math.max(16, Runtime.getRuntime().availableProcessors() * 8);
    private int watchHistory = InMemoryStorage.DEFAULT_HISTORY;
    private long bookmarkIntervalMillis = 1000;

    private Builder() {}

    /** The port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /** The address to listen on; {@code 127.0.0.1} by default. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The storage; an {@link InMemoryStorage} by default. */
    public Builder storage(Storage storage) {
      this.storage = Objects.requireNonNull(storage, "storage");
      return this;
    }

    /** Whether to speak HTTPS with a freshly generated self-signed certificate; false by default. */
    public Builder https(boolean https) {
      this.https = https;
      return this;
    }

    /** Requires {@code Authorization: Bearer <token>} on every request; none by default. */
    public Builder bearerToken(String token) {
      if (token != null && token.isBlank()) {
        throw new IllegalArgumentException("bearer token must not be blank");
      }
      this.bearerToken = token;
      return this;
    }

    /** Threads serving plain requests (watches have their own); 8 per core, at least 16, by default. */
    public Builder workerThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("workerThreads must be at least 1, got " + threads);
      }
      this.workerThreads = threads;
      return this;
    }

    /** Changes kept per resource for watch replay and paging when the default storage is used. */
    public Builder watchHistory(int changes) {
      if (changes < 1) {
        throw new IllegalArgumentException("watchHistory must be at least 1, got " + changes);
      }
      this.watchHistory = changes;
      return this;
    }

    /** How often watches that allow bookmarks get one (when the revision moved); 1 s by default. */
    public Builder bookmarkInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("bookmark interval must be positive, got " + interval);
      }
      this.bookmarkIntervalMillis = interval.toMillis();
      return this;
    }

    /** Returns this builder, to be started by {@link #start()}. */
    public Builder build() { return this; }

    /** Starts the server. */
    public EmbeddedApiServer start() { return new EmbeddedApiServer(this); }

    @Override
    public String toString() {
      return "EmbeddedApiServer.Builder{" + host + ":" + port + (https ? " https" : "")
          + (bearerToken != null ? " token=<redacted>" : "") + "}";
    }
  }
}
