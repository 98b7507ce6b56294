package io.kubegen.runtime.events;

import io.kubegen.runtime.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Decides what becomes of a recorded event, as client-go's event correlator does:
 * <ol>
 *   <li><b>aggregation</b>: once {@code maxSimilar} (10) events with the same source, object,
 *       type and reason but different messages were seen within {@code window} (10 minutes),
 *       further ones become one event whose message is prefixed
 *       {@code "(combined from similar events): "};</li>
 *   <li><b>deduplication</b>: an event identical to an earlier one (same message too) is not
 *       created again: the earlier one gets {@code count + 1} and a new {@code lastTimestamp}
 *       through a merge patch;</li>
 *   <li><b>spam filter</b>: every source+object pair has a token bucket (burst 25, one token
 *       back every 5 minutes); an event finding it empty is dropped.</li>
 * </ol>
 * The caches are LRUs of 4096 entries. Not thread-safe: one sink thread owns it.
 */
public final class EventCorrelator {
  static final String AGGREGATE_PREFIX = "(combined from similar events): ";
  private static final int CACHE_SIZE = 4096;

  private final Clock clock;
  private final int maxSimilar;
  private final Duration window;
  private final int spamBurst;
  private final Duration spamRefill;
  private final Map<String, Aggregate> aggregates = lru();
  private final Map<String, Observation> observations = lru();
  private final Map<String, Bucket> buckets = lru();

  /** A correlator with client-go's defaults on {@code clock}. */
  public EventCorrelator(Clock clock) {
    this(clock, 10, Duration.ofMinutes(10), 25, Duration.ofMinutes(5));
  }

  /** A correlator with explicit limits. */
  public EventCorrelator(Clock clock, int maxSimilar, Duration window, int spamBurst, Duration spamRefill) {
    this.clock = clock;
    this.maxSimilar = maxSimilar;
    this.window = window;
    this.spamBurst = spamBurst;
    this.spamRefill = spamRefill;
  }

  /** What to do with one event. */
  public record Result(Event event, String patch, boolean skip, String key) {
    /** Whether the event updates an earlier one (through {@link #patch()}) instead of being created. */
    public boolean updatesExisting() {
      return patch != null;
    }
  }

  /** Correlates {@code event} (not modified; the result carries a copy). */
  public Result correlate(Event event) {
    Instant now = clock.instant();
    String[] keyHolder = new String[1];
    Event aggregated = aggregate(event, now, keyHolder);
    if (aggregated.getCount() == null) {
      aggregated.setCount(1);
    }
    String key = keyHolder[0];
    Observation last = observations.get(key);
    String patch = null;
    if (last != null) {
      aggregated.getMetadata().setName(last.name);
      aggregated.getMetadata().setResourceVersion(last.resourceVersion);
      aggregated.setFirstTimestamp(last.firstTimestamp);
      aggregated.setCount(last.count + 1);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("count", aggregated.getCount());
      p.put("lastTimestamp", aggregated.getLastTimestamp());
      p.put("message", aggregated.getMessage());
      patch = Json.write(p);
    }
    observations.put(key, new Observation(aggregated.getCount(), aggregated.getFirstTimestamp(),
        aggregated.getMetadata().getName(), aggregated.getMetadata().getResourceVersion()));
    if (!takeToken(spamKey(aggregated), now)) {
      return new Result(aggregated, null, true, key);
    }
    return new Result(aggregated, patch, false, key);
  }

  /** Records what the server stored for {@code result}, so the next duplicate patches the right event. */
  public void stored(Result result, Event stored) {
    Observation o = observations.get(result.key());
    if (o != null) {
      observations.put(result.key(), new Observation(stored.getCount() == null ? o.count : stored.getCount(),
          o.firstTimestamp, stored.getMetadata().getName(), stored.getMetadata().getResourceVersion()));
    }
  }

  /** The event to record and, in {@code key[0]}, the key duplicates are detected by. */
  private Event aggregate(Event event, Instant now, String[] key) {
    Event copy = event.copy();
    String aggregateKey = aggregateKey(event);
    Aggregate record = aggregates.get(aggregateKey);
    if (record == null || Duration.between(record.last, now).compareTo(window) > 0) {
      record = new Aggregate();
    }
    record.last = now;
    record.messages.add(event.getMessage());
    aggregates.put(aggregateKey, record);
    if (record.messages.size() < maxSimilar) {
      key[0] = fullKey(event);
      return copy;
    }
    key[0] = aggregateKey;
    // keep the set from growing: once over the limit, every similar event is aggregated
    String any = record.messages.iterator().next();
    if (!any.equals(event.getMessage())) {
      record.messages.remove(any);
    }
    // the copy keeps the incoming event's unique name
    copy.getMetadata().setResourceVersion(null);
    copy.setMessage(AGGREGATE_PREFIX + event.getMessage());
    copy.setCount(1);
    Instant seconds = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    copy.setFirstTimestamp(seconds);
    copy.setLastTimestamp(seconds);
    return copy;
  }

  private boolean takeToken(String key, Instant now) {
    Bucket b = buckets.get(key);
    if (b == null) {
      b = new Bucket(spamBurst, now);
      buckets.put(key, b);
    }
    double refilled = (double) Duration.between(b.last, now).toNanos() / spamRefill.toNanos();
    if (refilled > 0) {
      b.tokens = Math.min(spamBurst, b.tokens + refilled);
      b.last = now;
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return true;
    }
    return false;
  }

  private static String sourceKey(Event e) {
    EventSource s = e.getSource();
    return (s == null ? "" : s.getComponent() + "\u0000" + s.getHost()) + "\u0000"
        + (e.getInvolvedObject() == null ? "" : e.getInvolvedObject().identity());
  }

  private static String spamKey(Event e) {
    return sourceKey(e);
  }

  private static String aggregateKey(Event e) {
    return sourceKey(e) + "\u0000" + e.getType() + "\u0000" + e.getReason();
  }

  private static String fullKey(Event e) {
    return aggregateKey(e) + "\u0000" + e.getMessage();
  }

  private static <V> Map<String, V> lru() {
    return new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > CACHE_SIZE;
      }
    };
  }

  private static final class Aggregate {
    final Set<String> messages = new HashSet<>();
    Instant last;
  }

  private record Observation(int count, Instant firstTimestamp, String name, String resourceVersion) {}

  private static final class Bucket {
    double tokens;
    Instant last;

    Bucket(double tokens, Instant last) {
      this.tokens = tokens;
      this.last = last;
    }
  }
}
