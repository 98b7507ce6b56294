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
 * {@link #refresh()}. When a re-read fails, the last good token stays in use and a warning
 * naming the file is logged. Thread-safe: reads are serialised on this object.
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

  /** Reads the file once now, so a missing or empty file fails at construction. */
  TokenFileSource(Path file, String label, Clock clock) {
    this.file = file;
    this.label = label;
    this.clock = clock;
    reload();
  }

  @Override
  public synchronized Optional<String> header() {
    if (isStale()) {
      try {
        reload();
      } catch (KubeConfigException e) {
        LOG.warn("keeping the previous bearer token: {}", e.getMessage());
        readAt = clock.instant();
      }
    }
    return Optional.of("Bearer " + token);
  }

  @Override
  public synchronized void refresh() {
    try {
      reload();
    } catch (KubeConfigException e) {
      LOG.warn("keeping the previous bearer token: {}", e.getMessage());
    }
  }

  private boolean isStale() {
    if (Duration.between(readAt, clock.instant()).compareTo(MAX_AGE) >= 0) {
      return true;
    }
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return !attributes.lastModifiedTime().equals(modified) || attributes.size() != size;
    } catch (IOException e) {
      return true;
    }
  }

  private void reload() {
    String content;
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
      content = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException | RuntimeException e) {
      throw new KubeConfigException(label + ": cannot read token file " + file + " (" + e.getClass().getSimpleName() + ")");
    }
    if (content.isEmpty()) {
      throw new KubeConfigException(label + ": token file " + file + " is empty");
    }
    if (!Redaction.isHeaderSafe(content)) {
      throw new KubeConfigException(label + ": token file " + file + " holds more than one line or control characters");
    }
    boolean changed = token != null && !token.equals(content);
    token = content;
    modified = attributes.lastModifiedTime();
    size = attributes.size();
    readAt = clock.instant();
    if (changed) {
      LOG.debug("bearer token file {} changed; using the new token", file);
    }
  }

  @Override
  public String toString() { return "bearer token file " + file; }
}
