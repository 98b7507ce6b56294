package io.kubegen.benchmarks.informer;

import io.kubegen.runtime.api.ListMeta;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.api.ObjectMeta;
import io.kubegen.runtime.cache.ListWatch;
import io.kubegen.runtime.cache.ResourceEventHandler;
import io.kubegen.runtime.cache.SharedIndexInformer;
import io.kubegen.runtime.watch.QueueWatch;
import io.kubegen.runtime.watch.WatchEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The informer machinery without HTTP: an in-memory watch feeds a started
 * {@link SharedIndexInformer} (reflector → delta FIFO → indexer → handlers) as fast as it can.
 * Shows how many events per second the cache side moves, to tell it apart from the HTTP watch
 * stream in {@link InformerBenchmark}'s watch column. Prints one line per round.
 *
 * <p>Run: {@code java -cp ... io.kubegen.benchmarks.informer.InformerPipelineBenchmark [events] [handlers]}.
 */
public final class InformerPipelineBenchmark {
  private InformerPipelineBenchmark() {}

  /** Entry point: {@code [events=200000] [handlers=1]}. */
  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int handlers = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    int keys = 1_000;
    List<BenchConfigMap> objects = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      BenchConfigMap c = new BenchConfigMap();
      c.setApiVersion("v1");
      c.setKind("ConfigMap");
      c.setMetadata(ObjectMeta.builder().name("cm-" + (i % keys)).namespace("default")
          .resourceVersion(String.valueOf(i + 2)).build());
      c.setData(Map.of("key", "v" + i));
      objects.add(c);
    }
    for (int round = 0; round < 5; round++) {
      QueueWatch<BenchConfigMap> watch = new QueueWatch<>(null);
      ListWatch<BenchConfigMap> lw = ListWatch.of(
          o -> new ObjectList<>(new ListMeta("1", null), new ArrayList<>()), o -> watch);
      SharedIndexInformer<BenchConfigMap> informer =
          SharedIndexInformer.create(lw, BenchConfigMap.class, Duration.ZERO, Map.of());
      LongAdder[] seen = new LongAdder[handlers];
      for (int h = 0; h < handlers; h++) {
        LongAdder counter = seen[h] = new LongAdder();
        informer.addEventHandler(new ResourceEventHandler<BenchConfigMap>() {
          @Override public void onAdd(BenchConfigMap obj, boolean initial) { counter.increment(); }
          @Override public void onUpdate(BenchConfigMap oldObj, BenchConfigMap newObj) { counter.increment(); }
        });
      }
      informer.start();
      while (!informer.hasSynced()) {
        Thread.sleep(1);
      }
      long start = System.nanoTime();
      for (int i = 0; i < events; i++) {
        watch.offer(WatchEvent.of(i < keys ? WatchEvent.Type.ADDED : WatchEvent.Type.MODIFIED, objects.get(i)));
      }
      for (LongAdder counter : seen) {
        while (counter.sum() < events) {
          Thread.sleep(1);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "round %d: %,d events through the informer to %d handler(s): %,.0f events/s%n",
          round, events, handlers, events / seconds);
      informer.stop();
    }
  }
}
