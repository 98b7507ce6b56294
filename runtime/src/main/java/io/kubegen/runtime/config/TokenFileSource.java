package io.kubegen.runtime.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bearer token read from a file that may be rotated underneath (service-account tokens are).
 * The file is read again when its modification time or size changed, when the last read is
 * older than a minute (as client-go's cached file token source does), and after
 * {@link #refresh()}. When a re-read fails, the last good token stays in use, a warning naming
 * the file is logged, and the file is tried again a minute later. A kubeconfig user may give a
 * {@code token} beside its {@code tokenFile}: that token is used while the file cannot be read,
 * as kubectl does. Thread-safe: reads are serialised on this object.
 */
final class TokenFileSource implements AuthorizationSource {
  private static final Logger LOG = LoggerFactory.getLogger(TokenFileSource.class);
  static final Duration MAX_AGE = Duration.ofMinutes(1);

  private final Path file;
  private final String label;
  private final Clock clock;
  private String token;
  private FileTime modified;
  private long size = -1;
  private Instant readAt;
  private boolean lastReadFailed;

  /** Reads the file once now, so a missing or empty file fails at construction. */
  TokenFileSource(Path file, String label, Clock clock) {
    this(file, label, clock, null);
  }

  /**
   * Reads the file once now; when that fails, {@code fallback} is used (with a warning) if given,
   * else the construction fails.
   */
  TokenFileSource(Path file, String label, Clock clock, String fallback) {
    this.file = file;
    this.label = label;
    this.clock = clock;
    try {
      reload();
    } catch (KubeConfigException e) {
      if (fallback == null) {
        throw e;
      }
      token = fallback;
      readAt = clock.instant();
      lastReadFailed = true;
      LOG.warn("{}; using the token given beside it, as kubectl does", e.getMessage());
    }
  }

  @Override
  public synchronized Optional<String> header() {
    if (isStale()) {
      tryReload();
    }
    return Optional.of("Bearer " + token);
  }

  @Override
  public synchronized void refresh() {
    tryReload();
  }

  private void tryReload() {
    try {
      reload();
    } catch (KubeConfigException e) {
      if (!lastReadFailed) {
        LOG.warn("keeping the previous bearer token: {}", e.getMessage());
      }
      lastReadFailed = true;
      readAt = clock.instant();
    }
  }

  private boolean isStale() {
    if (Duration.between(readAt, clock.instant()).compareTo(MAX_AGE) >= 0) {
      return true;
    }
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      // after a failed read this compares with the file as it was then: a changed file is read at once
      return !attributes.lastModifiedTime().equals(modified) || attributes.size() != size;
    } catch (IOException e) {
      return !lastReadFailed; // still missing: tried again once the minute is over
    }
  }

  private void reload() {
    String content;
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
      modified = attributes.lastModifiedTime();
      size = attributes.size();
      content = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException | RuntimeException e) {
      throw new KubeConfigException(label + ": cannot read token file " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    if (content.isEmpty()) {
      throw new KubeConfigException(label + ": token file " + file + " is empty");
    }
    String problem = HeaderValues.problem(content);
    if (problem != null) {
      throw new KubeConfigException(label + ": the token in " + file + " " + problem);
    }
    boolean changed = token != null && !token.equals(content);
    token = content;
    lastReadFailed = false;
    readAt = clock.instant();
    if (changed) {
      LOG.debug("bearer token file {} changed; using the new token", file);
    }
  }

  @Override
  public String toString() { return "bearer token file " + file; }
}
