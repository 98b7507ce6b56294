package io.kubegen.runtime.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a {@code RestClient} needs to reach an API server: the server endpoints, TLS
 * material, credentials, impersonation, proxy, rate limits, timeouts and user agent; client-go's
 * {@code rest.Config}. Build one with {@link #builder()}, from a kubeconfig with
 * {@link KubeConfig#restConfig()}, or inside a pod with {@link #inCluster()}.
 *
 * <p>Immutable and thread-safe. The {@link #sslContext()} is built once, in
 * {@link Builder#build()}, so bad TLS material fails there. {@link #authorizationHeader()} may
 * be called from many threads at once: a rotated token file is re-read and an exec plugin is
 * run at most once at a time, its result cached until it expires.
 *
 * <p>Server URLs are read as client-go reads them (see {@link Builder#server}). Credentials: a
 * bearer token file wins over a bearer token (which stays in use while the file cannot be read);
 * a token and basic auth together are rejected; an exec plugin is used only when no token, basic
 * auth or client certificate is configured (as client-go does); user info in a server URL is
 * sent as basic auth to that server and wins over all of them, as Go's HTTP client does it.
 * Header values (tokens, impersonation names) must be printable US-ASCII: the JDK's HTTP client
 * cannot send anything else unchanged. {@link #toString()} never shows a token, password, key,
 * exec output or the user info and query of a URL.
 */
public final class RestConfig {
  private static final Logger LOG = LoggerFactory.getLogger(RestConfig.class);
  /** Default client-side rate limit, requests per second (client-go's value). */
  public static final float DEFAULT_QPS = 5f;
  /** Default client-side burst (client-go's value). */
  public static final int DEFAULT_BURST = 10;
  /** Default connect timeout. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Default user agent. */
  public static final String DEFAULT_USER_AGENT = "kubegen/0.1.0";
  /** Namespace used when none is configured. */
  public static final String DEFAULT_NAMESPACE = "default";

  private final List<ServerUrl> serverUrls;
  private final List<URI> servers;
  private final boolean insecureSkipTlsVerify;
  private final String tlsServerName;
  private final SSLContext sslContext;
  private final AuthorizationSource authorization;
  private final URI proxy;
  private final ProxySettings proxies;
  private final ImpersonationConfig impersonation;
  private final float qps;
  private final int burst;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final String userAgent;
  private final String namespace;
  private final double chaosProbability;
  private final long chaosSeed;
  private final Builder settings;

  private RestConfig(Builder b) {
    this.settings = b.copy();
    this.insecureSkipTlsVerify = b.insecureSkipTlsVerify;
    boolean defaultTls = b.caData != null || b.caFile != null || b.clientCertData != null
        || b.clientCertFile != null || b.insecureSkipTlsVerify;
    this.serverUrls = parseServers(b.servers, defaultTls, b.label("server"));
    this.servers = serverUrls.stream().map(ServerUrl::uri).toList();
    this.tlsServerName = emptyToNull(b.tlsServerName);
    this.proxy = b.proxy;
    this.proxies = b.proxy != null ? ProxySettings.configured(b.proxy, b.label("proxy"))
        : ProxySettings.fromEnvironment(b.proxyEnvironment != null ? b.proxyEnvironment : System.getenv());
    proxies.checkUsableFor(servers);
    prepareProxyCredentials();
    this.impersonation = b.impersonation;
    if (impersonation != null) {
      impersonation.checkHeaderValues(b.label("impersonate"));
    }
    if (Float.isNaN(b.qps) || Float.isInfinite(b.qps)) {
      throw new KubeConfigException(b.label("qps") + ": must be a finite number, got " + b.qps);
    }
    this.qps = b.qps == 0 ? DEFAULT_QPS : b.qps;
    this.burst = b.burst == 0 ? DEFAULT_BURST : b.burst;
    if (burst < 0) {
      throw new KubeConfigException(b.label("burst") + ": must not be negative, got " + burst);
    }
    this.connectTimeout = checkTimeout(b.connectTimeout, b.label("connectTimeout"));
    if (connectTimeout.isZero()) {
      throw new KubeConfigException(b.label("connectTimeout") + ": must be positive");
    }
    this.requestTimeout = checkTimeout(b.requestTimeout, b.label("requestTimeout"));
    this.userAgent = b.userAgent == null || b.userAgent.isBlank() ? DEFAULT_USER_AGENT
        : HeaderValues.check(b.userAgent, b.label("userAgent"));
    this.namespace = b.namespace == null || b.namespace.isEmpty() ? DEFAULT_NAMESPACE : b.namespace;
    if (!(b.chaosProbability >= 0 && b.chaosProbability <= 1)) {
      throw new KubeConfigException(b.label("chaos") + ": the probability must be between 0 and 1, got " + b.chaosProbability);
    }
    this.chaosProbability = b.chaosProbability;
    this.chaosSeed = b.chaosSeed;

    PemSource ca = pem(b.caData, b.caFile, b, "caData", "caFile");
    if (insecureSkipTlsVerify && ca != null) {
      throw new KubeConfigException(ca.label()
          + ": cannot be combined with insecure-skip-tls-verify; remove one of them");
    }
    PemSource cert = pem(b.clientCertData, b.clientCertFile, b, "clientCertData", "clientCertFile");
    PemSource key = pem(b.clientKeyData, b.clientKeyFile, b, "clientKeyData", "clientKeyFile");
    if (cert != null && key == null) {
      throw new KubeConfigException(cert.label() + ": a client certificate needs a client key");
    }
    if (key != null && cert == null) {
      throw new KubeConfigException(key.label() + ": a client key needs a client certificate");
    }
    this.authorization = authorization(b, cert != null, ca, tlsServerName);
    this.sslContext = TlsContexts.create(ca, insecureSkipTlsVerify, cert, key,
        authorization instanceof ExecCredentialSource exec ? new ExecKeyManager(exec) : null, tlsServerName);
    if (authorization instanceof ExecCredentialSource exec) {
      // A resumed TLS session would keep presenting the old client certificate.
      exec.onClientKeyChange(() -> TlsContexts.forgetClientSessions(sslContext));
    }
    for (ServerUrl server : serverUrls) {
      if (server.basicAuthorization() != null && !server.isTls()) {
        LOG.warn("{}: {} carries user info: it is sent as basic auth over plain HTTP, unencrypted, as kubectl "
            + "sends it", b.label("server"), Redaction.uri(server.uri()));
      }
    }
  }

  /** A new builder with every default. */
  public static Builder builder() { return new Builder(); }

  /**
   * The configuration of a pod's service account: token
   * {@code /var/run/secrets/kubernetes.io/serviceaccount/token} (re-read when it rotates), CA
   * {@code ca.crt} beside it (the JDK's trust store, with a logged error, when it is missing or
   * not PEM, as client-go does), namespace {@code namespace} beside it (or
   * {@code $POD_NAMESPACE}), server from {@code KUBERNETES_SERVICE_HOST} and
   * {@code KUBERNETES_SERVICE_PORT}.
   *
   * @throws KubeConfigException when not running in a pod
   */
  public static RestConfig inCluster() {
    return InClusterConfig.load(InClusterConfig.SERVICE_ACCOUNT_DIR, System.getenv());
  }

  /**
   * Like {@link #inCluster()}, with the service-account directory and the environment given.
   */
  public static RestConfig inCluster(Path serviceAccountDir, Map<String, String> env) {
    return InClusterConfig.load(serviceAccountDir, env);
  }

  /**
   * The API server endpoints, at least one; {@code RestClient} fails over between them. Each is
   * scheme, host, port and path prefix only: user info, query and fragment are not kept.
   */
  public List<URI> servers() { return servers; }

  /** The TLS context for HTTPS endpoints: CA trust (or none when insecure), client certificate, server name. */
  public SSLContext sslContext() { return sslContext; }

  /** Whether server certificates and host names go unchecked. */
  public boolean insecureSkipTlsVerify() { return insecureSkipTlsVerify; }

  /**
   * The name server certificates are checked against and sent as SNI, instead of the URL's host
   * (a kubeconfig's {@code tls-server-name}); empty when the URL's host is used.
   */
  public Optional<String> tlsServerName() { return Optional.ofNullable(tlsServerName); }

  /**
   * The {@code Authorization} header value from the configured credentials
   * ({@code "Bearer ..."} or {@code "Basic ..."}), or empty for anonymous requests. Computed on
   * each call: a changed token file is re-read, an exec plugin runs when its cached credential
   * expired.
   *
   * @throws KubeConfigException when an exec plugin fails
   */
  public Optional<String> authorizationHeader() { return authorization.header().map(HeaderValues::trim); }

  /**
   * The {@code Authorization} header value for a request to {@code server}, one of
   * {@link #servers()}: basic auth from the user info of that server's URL if it has some (it
   * wins, as in Go's HTTP client), else {@link #authorizationHeader()}.
   */
  public Optional<String> authorizationHeader(URI server) {
    for (ServerUrl url : serverUrls) {
      if (url.uri().equals(server) && url.basicAuthorization() != null) {
        return Optional.of(url.basicAuthorization());
      }
    }
    return authorizationHeader();
  }

  /**
   * Drops cached credentials: the next {@link #authorizationHeader()} runs the exec plugin again
   * or re-reads the token file. A {@code RestClient} calls this after a 401.
   */
  public void refreshCredentials() { authorization.refresh(); }

  /** Whom requests act as, if anyone ({@code Impersonate-*} headers). */
  public Optional<ImpersonationConfig> impersonation() { return Optional.ofNullable(impersonation); }

  /** Client-side rate limit in requests per second; a negative value means no limit. */
  public float qps() { return qps; }

  /** Client-side burst above {@link #qps()}. */
  public int burst() { return burst; }

  /** Timeout for opening a connection; default 10 s. */
  public Duration connectTimeout() { return connectTimeout; }

  /** Timeout for a whole request; {@link Duration#ZERO} (the default) means none. */
  public Duration requestTimeout() { return requestTimeout; }

  /** The {@code User-Agent} header. */
  public String userAgent() { return userAgent; }

  /** The configured HTTP proxy for every request, if any (proxies from the environment: {@link #proxyFor}). */
  public Optional<URI> proxy() { return Optional.ofNullable(proxy); }

  /**
   * The HTTP proxy a request to {@code target} goes through, credentials included, or empty for a
   * direct connection: the configured {@link #proxy()}, else {@code HTTPS_PROXY} /
   * {@code HTTP_PROXY} from the environment unless {@code NO_PROXY} lists the host (Go's rules;
   * {@code localhost} and loopback addresses never use them).
   */
  public Optional<URI> proxyFor(URI target) { return proxies.proxyFor(target); }

  /** The {@code Proxy-Authorization} value for a request to {@code target}: basic auth from its proxy's user info. */
  public Optional<String> proxyAuthorizationHeader(URI target) {
    return proxyFor(target).flatMap(ProxySettings::authorization);
  }

  /**
   * Whether any proxy setting applies (configured, or {@code HTTPS_PROXY} / {@code HTTP_PROXY} in
   * the environment); when none does, a client may leave proxy selection to the JDK's defaults.
   */
  public boolean hasProxySettings() { return !proxies.isEmpty(); }

  /** The default namespace, {@code "default"} when none was configured. */
  public String namespace() { return namespace; }

  /**
   * The probability (0 to 1) with which a {@code RestClient} fails each attempt on purpose before
   * sending it, to test a controller's resilience; 0 (the default) turns chaos off.
   */
  public double chaosProbability() { return chaosProbability; }

  /** The seed of the chaos decisions; the same seed gives the same failures for the same calls. */
  public long chaosSeed() { return chaosSeed; }

  /** A builder holding this configuration's settings (credential caches are not shared). */
  public Builder toBuilder() { return settings.copy(); }

  @Override
  public String toString() {
    return "RestConfig{servers=" + serverUrls
        + ", tls=" + (insecureSkipTlsVerify ? "insecure" : settings.caData != null || settings.caFile != null ? "custom CA" : "JDK trust")
        + (tlsServerName == null ? "" : ", tlsServerName=" + tlsServerName)
        + (settings.clientCertData != null || settings.clientCertFile != null ? ", clientCertificate=<redacted>" : "")
        + ", auth=" + authorization
        + (impersonation == null ? "" : ", impersonate=" + impersonation)
        + (proxies.isEmpty() ? "" : ", proxy=" + proxies)
        + ", qps=" + qps + ", burst=" + burst
        + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
        + ", userAgent=" + userAgent + ", namespace=" + namespace
        + (chaosProbability > 0 ? ", chaos=" + chaosProbability + " (seed " + chaosSeed + ")" : "") + "}";
  }

  private void prepareProxyCredentials() {
    for (URI server : servers) {
      if (server.getScheme().equals("https")
          && proxies.proxyFor(server).flatMap(ProxySettings::authorization).isPresent()) {
        ProxyTunnelAuth.prepare(proxies.sourceFor(server));
        return;
      }
    }
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static PemSource pem(String data, Path file, Builder b, String dataField, String fileField) {
    if (data != null) {
      return new PemSource(data, null, b.label(dataField));
    }
    if (file != null) {
      return new PemSource(null, file, b.label(fileField));
    }
    return null;
  }

  private AuthorizationSource authorization(Builder b, boolean hasClientCert, PemSource ca, String serverName) {
    String bearerToken = emptyToNull(b.bearerToken);
    boolean token = bearerToken != null || b.bearerTokenFile != null;
    boolean basic = b.username != null || b.password != null;
    if (token && basic) {
      throw new KubeConfigException(b.label("username")
          + ": more than one authentication method (bearer token and basic auth); only one is allowed");
    }
    if (bearerToken != null) {
      HeaderValues.check(bearerToken, b.label("bearerToken"));
    }
    if (b.bearerTokenFile != null) {
      return new TokenFileSource(b.bearerTokenFile, b.label("bearerTokenFile"), b.clock, bearerToken);
    }
    if (bearerToken != null) {
      return AuthorizationSource.fixed("Bearer " + bearerToken, "bearer token <redacted>");
    }
    if (basic) {
      if (b.username == null || b.username.isEmpty()) {
        throw new KubeConfigException(b.label("username") + ": basic auth needs a user name");
      }
      return AuthorizationSource.fixed(ServerUrl.basic(b.username, b.password == null ? "" : b.password),
          "basic auth <redacted>");
    }
    if (b.exec != null && !hasClientCert) {
      ExecClusterInfo cluster = new ExecClusterInfo(b.servers.get(0), serverName, ca == null ? null : ca.read(),
          b.insecureSkipTlsVerify, proxy);
      return new ExecCredentialSource(b.exec, b.label("exec"), cluster, b.clock);
    }
    return AuthorizationSource.NONE;
  }

  private static List<ServerUrl> parseServers(List<String> servers, boolean defaultTls, String label) {
    if (servers.isEmpty()) {
      throw new KubeConfigException(label + ": missing; set at least one API server URL");
    }
    List<ServerUrl> urls = new ArrayList<>();
    for (String server : servers) {
      urls.add(ServerUrl.parse(server, defaultTls, label));
    }
    return List.copyOf(urls);
  }

  private static Duration checkTimeout(Duration timeout, String label) {
    if (timeout.isNegative()) {
      throw new KubeConfigException(label + ": must not be negative, got " + timeout);
    }
    return timeout;
  }

  /**
   * Builds a {@link RestConfig}. Setters take null to unset a value. Not thread-safe.
   * {@link #build()} validates everything and loads the TLS material; it throws
   * {@link KubeConfigException} naming the setting that is wrong.
   */
  public static final class Builder {
    private final List<String> servers = new ArrayList<>();
    private String caData;
    private Path caFile;
    private boolean insecureSkipTlsVerify;
    private String clientCertData;
    private String clientKeyData;
    private Path clientCertFile;
    private Path clientKeyFile;
    private String bearerToken;
    private Path bearerTokenFile;
    private String username;
    private String password;
    private ExecConfig exec;
    private URI proxy;
    private Map<String, String> proxyEnvironment;
    private String tlsServerName;
    private ImpersonationConfig impersonation;
    private float qps = DEFAULT_QPS;
    private int burst = DEFAULT_BURST;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = Duration.ZERO;
    private String userAgent = DEFAULT_USER_AGENT;
    private String namespace;
    private Clock clock = Clock.systemUTC();
    private double chaosProbability;
    private long chaosSeed;
    /** Setting name (a builder method) to the name errors use for it, such as a kubeconfig field. */
    private final Map<String, String> labels = new HashMap<>();

    private Builder() {}

    /**
     * Sets the one API server URL, such as {@code https://127.0.0.1:6443}, replacing any set
     * before (so {@code config.toBuilder().server(url)} points a copy elsewhere). Read as
     * client-go reads it: without a scheme it gets {@code https://} when a CA, client certificate
     * or {@code insecureSkipTlsVerify} is set and {@code http://} otherwise (and must then be a
     * bare {@code host:port}); a path is a prefix of every request; query and fragment are
     * dropped; user info is sent as basic auth (and wins over other credentials).
     */
    public Builder server(String server) {
      servers.clear();
      servers.add(server);
      return this;
    }

    /** Adds a further API server URL of the same cluster; the client fails over between them. */
    public Builder addServer(String server) {
      servers.add(server);
      return this;
    }

    /** Replaces the API server URLs. */
    public Builder servers(List<String> servers) {
      this.servers.clear();
      this.servers.addAll(servers);
      return this;
    }

    /** PEM CA bundle to trust (instead of the JDK's trust store). Wins over {@link #caFile}. */
    public Builder caData(String pem) {
      this.caData = pem;
      return this;
    }

    /** File holding the PEM CA bundle to trust. */
    public Builder caFile(Path file) {
      this.caFile = file;
      return this;
    }

    /** Trust any server certificate and host name. Cannot be combined with a CA. */
    public Builder insecureSkipTlsVerify(boolean insecure) {
      this.insecureSkipTlsVerify = insecure;
      return this;
    }

    /** PEM client certificate (chain). Wins over {@link #clientCertFile}. */
    public Builder clientCertData(String pem) {
      this.clientCertData = pem;
      return this;
    }

    /** PEM client key: PKCS#1 RSA, SEC1 EC or PKCS#8. Wins over {@link #clientKeyFile}. */
    public Builder clientKeyData(String pem) {
      this.clientKeyData = pem;
      return this;
    }

    public Builder clientCertFile(Path file) {
      this.clientCertFile = file;
      return this;
    }

    public Builder clientKeyFile(Path file) {
      this.clientKeyFile = file;
      return this;
    }

    /** A static bearer token; with a {@link #bearerTokenFile}, used while that file cannot be read. */
    public Builder bearerToken(String token) {
      this.bearerToken = token;
      return this;
    }

    /** A file holding the bearer token, re-read when it changes. Wins over {@link #bearerToken}. */
    public Builder bearerTokenFile(Path file) {
      this.bearerTokenFile = file;
      return this;
    }

    /** Basic auth user name (it may contain {@code :}, as kubectl allows). */
    public Builder username(String username) {
      this.username = username;
      return this;
    }

    /** Basic auth password. */
    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /** An exec credential plugin. */
    public Builder exec(ExecConfig exec) {
      this.exec = exec;
      return this;
    }

    /**
     * An {@code http://} proxy for all requests, loopback ones included; user info in it is sent
     * as {@code Proxy-Authorization} (on the {@code CONNECT} of HTTPS requests too). Without one,
     * {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} from the environment apply.
     */
    public Builder proxy(URI proxy) {
      this.proxy = proxy;
      return this;
    }

    /**
     * The environment whose {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} (or
     * their lower-case forms) apply when no {@link #proxy} is set; {@code System.getenv()} when
     * null (the default). An empty map turns environment proxies off.
     */
    public Builder proxyEnvironment(Map<String, String> env) {
      this.proxyEnvironment = env == null ? null : Map.copyOf(env);
      return this;
    }

    /**
     * The name to check server certificates against and to send as SNI, instead of the URL's
     * host (a kubeconfig's {@code tls-server-name}); null or empty for the URL's host.
     */
    public Builder tlsServerName(String name) {
      this.tlsServerName = name;
      return this;
    }

    /** Acts as another user on every request ({@code Impersonate-*} headers); null for none. */
    public Builder impersonate(ImpersonationConfig impersonation) {
      this.impersonation = impersonation;
      return this;
    }

    /** Requests per second; 0 means the default 5, a negative value disables rate limiting. */
    public Builder qps(float qps) {
      this.qps = qps;
      return this;
    }

    /** Burst above {@link #qps}; 0 means the default 10. */
    public Builder burst(int burst) {
      this.burst = burst;
      return this;
    }

    /** Connect timeout, positive; default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout == null ? DEFAULT_CONNECT_TIMEOUT : timeout;
      return this;
    }

    /** Timeout of a whole request; {@link Duration#ZERO} (the default) means none. */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout == null ? Duration.ZERO : timeout;
      return this;
    }

    /** The {@code User-Agent} header; default {@code kubegen/0.1.0}. */
    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    /** The default namespace; {@code "default"} when unset. */
    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    /**
     * Makes clients of this configuration fail each attempt to reach the API server on purpose,
     * with {@code probability} (0 to 1), before anything is sent, as a refused connection does; the
     * decisions come from a random sequence seeded with {@code seed}. For testing a controller's
     * resilience; off (0) by default, and a client built with it on logs a warning once.
     */
    public Builder chaos(double probability, long seed) {
      this.chaosProbability = probability;
      this.chaosSeed = seed;
      return this;
    }

    /** The clock that decides when exec credentials expire and token files age; for tests. */
    Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Names a setting in error messages, for example a kubeconfig field path. */
    Builder label(String setting, String label) {
      labels.put(setting, label);
      return this;
    }

    String label(String setting) {
      return labels.getOrDefault(setting, setting);
    }

    /** Validates the settings and builds the configuration, loading the TLS material. */
    public RestConfig build() {
      return new RestConfig(this);
    }

    Builder copy() {
      Builder c = new Builder();
      c.servers.addAll(servers);
      c.caData = caData;
      c.caFile = caFile;
      c.insecureSkipTlsVerify = insecureSkipTlsVerify;
      c.clientCertData = clientCertData;
      c.clientKeyData = clientKeyData;
      c.clientCertFile = clientCertFile;
      c.clientKeyFile = clientKeyFile;
      c.bearerToken = bearerToken;
      c.bearerTokenFile = bearerTokenFile;
      c.username = username;
      c.password = password;
      c.exec = exec;
      c.proxy = proxy;
      c.proxyEnvironment = proxyEnvironment;
      c.tlsServerName = tlsServerName;
      c.impersonation = impersonation;
      c.qps = qps;
      c.burst = burst;
      c.connectTimeout = connectTimeout;
      c.requestTimeout = requestTimeout;
      c.userAgent = userAgent;
      c.namespace = namespace;
      c.clock = clock;
      c.chaosProbability = chaosProbability;
      c.chaosSeed = chaosSeed;
      c.labels.putAll(labels);
      return c;
    }

    @Override
    public String toString() {
      return "RestConfig.Builder{servers=" + servers.stream().map(Redaction::text).toList()
          + (proxy == null ? "" : ", proxy=" + Redaction.uri(proxy)) + ", credentials=<redacted>}";
    }
  }
}
