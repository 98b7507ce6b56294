package io.kubegen.runtime.dynamic;

import io.kubegen.runtime.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DiscoveryClient} that keeps the server's groups and resource lists on disk and in
 * memory, as kubectl's {@code ~/.kube/cache/discovery}: files
 * {@code <cacheDir>/<host>_<port>/servergroups.json} and
 * {@code <cacheDir>/<host>_<port>/<group>/<version>/serverresources.json} (core:
 * {@code v1/serverresources.json}), used while younger than the TTL. The server version is never
 * cached. A cache file that cannot be read is fetched again; one that cannot be written is only
 * logged.
 *
 * <p>Thread-safe: lookups are synchronized on the instance. Several processes may share a cache
 * folder; files are replaced atomically.
 */
final class CachedDiscoveryClient implements DiscoveryClient {
  private static final Logger LOG = LoggerFactory.getLogger(CachedDiscoveryClient.class);
  private static final String GROUPS_FILE = "servergroups.json";
  private static final String RESOURCES_FILE = "serverresources.json";

  private final DiscoveryClient delegate;
  private final Path hostDir;
  private final Duration ttl;
  private final Clock clock;
  private final Map<Path, Entry> memory = new HashMap<>();

  CachedDiscoveryClient(DiscoveryClient delegate, Path cacheDir, URI server, Duration ttl, Clock clock) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    Objects.requireNonNull(cacheDir, "cacheDir");
    Objects.requireNonNull(server, "server");
    if (ttl == null || ttl.isNegative()) {
      throw new IllegalArgumentException("the discovery cache TTL must not be negative: " + ttl);
    }
    this.ttl = ttl;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.hostDir = cacheDir.resolve(folderOf(server));
  }

  /** kubectl's folder name for a server: host and port joined by '_', unsafe characters replaced. */
  static String folderOf(URI server) {
    int port = server.getPort() != -1 ? server.getPort() : "http".equalsIgnoreCase(server.getScheme()) ? 80 : 443;
    return (server.getHost() + "_" + port).replaceAll("[^A-Za-z0-9._-]", "_");
  }

  @Override
  public VersionInfo serverVersion() {
    return delegate.serverVersion();
  }

  @Override
  public synchronized ApiGroupList serverGroups() {
    return cached(hostDir.resolve(GROUPS_FILE), ApiGroupList.class, delegate::serverGroups);
  }

  @Override
  public synchronized ApiResourceList serverResourcesForGroupVersion(String groupVersion) {
    ServerDiscoveryClient.pathOf(groupVersion); // validates
    Path file = hostDir.resolve(groupVersion).resolve(RESOURCES_FILE).normalize();
    if (!file.startsWith(hostDir)) {
      throw new IllegalArgumentException("a group version is \"v1\" or \"group/version\": " + groupVersion);
    }
    return cached(file, ApiResourceList.class, () -> delegate.serverResourcesForGroupVersion(groupVersion));
  }

  @Override
  public synchronized void invalidate() {
    memory.clear();
    if (!Files.exists(hostDir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(hostDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("cannot clear the discovery cache {}: {}", hostDir, e.getMessage());
    }
  }

  /** The folder of this server's cache files. */
  Path hostDir() { return hostDir; }

  private <T> T cached(Path file, Class<T> type, java.util.function.Supplier<T> fetch) {
    Instant now = clock.instant();
    Entry entry = memory.get(file);
    if (entry != null && isFresh(entry.fetched(), now)) {
      return type.cast(entry.value());
    }
    T fromDisk = readIfFresh(file, type, now);
    if (fromDisk != null) {
      return fromDisk;
    }
    T value = fetch.get();
    memory.put(file, new Entry(now, value));
    write(file, value, now);
    return value;
  }

  private boolean isFresh(Instant fetched, Instant now) {
    return !fetched.plus(ttl).isBefore(now) && !fetched.isAfter(now.plus(Duration.ofMinutes(5)));
  }

  private <T> T readIfFresh(Path file, Class<T> type, Instant now) {
    try {
      Instant modified = Files.getLastModifiedTime(file).toInstant();
      if (!isFresh(modified, now)) {
        return null;
      }
      T value = Json.mapper().readValue(Files.readString(file, StandardCharsets.UTF_8), type);
      memory.put(file, new Entry(modified, value));
      return value;
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | RuntimeException e) {
      LOG.debug("ignoring unreadable discovery cache file {}: {}", file, e.getMessage());
      return null;
    }
  }

  private void write(Path file, Object value, Instant now) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      Files.writeString(tmp, Json.write(value), StandardCharsets.UTF_8);
      Files.setLastModifiedTime(tmp, java.nio.file.attribute.FileTime.from(now));
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      LOG.warn("cannot write the discovery cache file {}: {}", file, e.getMessage());
    }
  }

  private record Entry(Instant fetched, Object value) {}
}
