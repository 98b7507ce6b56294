package io.kubegen.apiserver.storage;

import org.junit.jupiter.api.Assumptions;

/** What etcd tests share: skipping with a clear message where no etcd is installed. */
public final class EtcdTesting {
  private EtcdTesting() {}

  /** Skips the calling test (class) when there is no etcd binary. CI installs one through {@code .ci/run}. */
  public static void assumeEtcd() {
    Assumptions.assumeTrue(LocalEtcd.binary().isPresent(),
        "etcd tests skipped: no etcd binary on the PATH (Debian: apt-get install etcd-server; .ci/run installs it)");
  }
}
