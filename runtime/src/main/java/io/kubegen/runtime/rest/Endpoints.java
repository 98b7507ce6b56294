package io.kubegen.runtime.rest;

import java.net.URI;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The API server endpoints of one client, as the go-etcd client keeps its cluster: calls start at
 * a randomly chosen endpoint, a connection failure moves the client on to the next one, and the
 * endpoint that last worked stays the current one. Thread-safe (one atomic index).
 */
final class Endpoints {
  private final List<URI> servers;
  private final AtomicInteger current;

  Endpoints(List<URI> servers, Random random) {
    if (servers == null || servers.isEmpty()) {
      throw new IllegalArgumentException("the config names no API server");
    }
    this.servers = List.copyOf(servers);
    this.current = new AtomicInteger(random.nextInt(this.servers.size()));
  }

  /** The index of the endpoint calls go to now. */
  int currentIndex() { return current.get(); }

  URI get(int index) { return servers.get(index); }

  int size() { return servers.size(); }

  /** Moves away from {@code index} after a connection failure, unless another call did already. */
  void markFailed(int index) {
    current.compareAndSet(index, (index + 1) % servers.size());
  }
}
