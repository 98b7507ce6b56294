package io.kubegen.runtime.resource;

import io.kubegen.runtime.api.GroupVersionKind;
import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.dynamic.DiscoveryClient;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RestMapper} over a {@link DiscoveryClient}: one {@link DiscoverySnapshot} read on first
 * use, read again (after {@link DiscoveryClient#invalidate()}) when a lookup misses.
 *
 * <p>Thread-safe: the snapshot is immutable and swapped under the instance lock; threads that miss
 * on the same snapshot share one re-read.
 */
final class DiscoveryRestMapper implements RestMapper {
  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryRestMapper.class);

  private final DiscoveryClient discovery;
  private volatile DiscoverySnapshot snapshot;

  DiscoveryRestMapper(DiscoveryClient discovery) {
    this.discovery = Objects.requireNonNull(discovery, "discovery");
  }

  @Override
  public RestMapping mapping(GroupVersionKind gvk) {
    Objects.requireNonNull(gvk, "gvk");
    return lookup(s -> {
      DiscoverySnapshot.Entry e = s.byKind(gvk.group(), gvk.version(), gvk.kind(), false);
      return e == null ? null : e.mapping();
    }, s -> withDiscoveryFailure(NoMatchException.forKind(gvk.group(), gvk.version(), gvk.kind()), s,
        gvk.version().isEmpty() ? null : gvk.apiVersion()));
  }

  @Override
  public GroupVersionKind kindFor(GroupVersionResource gvr) {
    Objects.requireNonNull(gvr, "gvr");
    return lookup(s -> {
      DiscoverySnapshot.Entry e = resolveResource(s, gvr.group(), gvr.version(), gvr.resource());
      return e == null ? null : e.kind();
    }, s -> withDiscoveryFailure(new NoMatchException("no matches for " + gvr), s,
        gvr.version().isEmpty() ? null : gvr.apiVersion()));
  }

  @Override
  public RestMapping mappingFor(String resourceOrKind) {
    ResourceArgument arg = ResourceArgument.parse(resourceOrKind);
    return lookup(s -> {
      DiscoverySnapshot.Entry e = null;
      if (arg.version() != null) {
        e = resolveResource(s, arg.fullGroup(), arg.version(), arg.name());
      }
      if (e == null) {
        e = resolveResource(s, arg.group(), "", arg.name());
      }
      if (e == null && arg.version() != null) {
        e = s.byKind(arg.fullGroup(), arg.version(), arg.name(), true);
      }
      if (e == null) {
        e = arg.group() == null ? s.byKindInAnyGroup(arg.name()) : s.byKind(arg.group(), "", arg.name(), true);
      }
      return e == null ? null : e.mapping();
    }, s -> NoMatchException.forResource(arg.name()));
  }

  /** A resource by plural or singular name, else by short name, in {@code group} (null: any) and {@code version} ("" any). */
  private static DiscoverySnapshot.Entry resolveResource(DiscoverySnapshot s, String group, String version, String name) {
    DiscoverySnapshot.Entry e = s.byResource(group, version, name);
    if (e != null) {
      return e;
    }
    DiscoverySnapshot.Entry shortForm = s.byShortName(group, name);
    return shortForm == null ? null : s.byResource(shortForm.resource().group(), version, shortForm.resource().resource());
  }

  @Override
  public void reset() {
    synchronized (this) {
      snapshot = null;
    }
    discovery.invalidate();
  }

  /** {@code find} on the current snapshot, else on a fresh one, else the error {@code missing} makes. */
  private <T> T lookup(Function<DiscoverySnapshot, T> find, Function<DiscoverySnapshot, NoMatchException> missing) {
    DiscoverySnapshot current = current();
    T found = find.apply(current);
    if (found != null) {
      return found;
    }
    DiscoverySnapshot fresh = reread(current);
    found = find.apply(fresh);
    if (found != null) {
      return found;
    }
    throw missing.apply(fresh);
  }

  private DiscoverySnapshot current() {
    DiscoverySnapshot s = snapshot;
    if (s != null) {
      return s;
    }
    synchronized (this) {
      if (snapshot == null) {
        snapshot = DiscoverySnapshot.read(discovery);
      }
      return snapshot;
    }
  }

  /** Reads discovery again unless another thread already replaced {@code seen}. */
  private synchronized DiscoverySnapshot reread(DiscoverySnapshot seen) {
    if (snapshot == seen || snapshot == null) {
      LOG.debug("no mapping found; reading discovery again");
      discovery.invalidate();
      snapshot = DiscoverySnapshot.read(discovery);
    }
    return snapshot;
  }

  private static NoMatchException withDiscoveryFailure(NoMatchException e, DiscoverySnapshot s, String groupVersion) {
    String failure = groupVersion == null ? null : s.failureOf(groupVersion);
    return failure == null ? e : new NoMatchException(e.getMessage() + " (discovery of " + groupVersion + " failed: " + failure + ")");
  }

  @Override
  public String toString() {
    DiscoverySnapshot s = snapshot;
    return "RestMapper{" + (s == null ? "discovery not read yet" : s.size() + " resources") + "}";
  }
}
