package io.kubegen.apiserver.storage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The storage contract, held by {@link EtcdStorage} over a real etcd (skipped where none is installed). */
class EtcdStorageContractTest extends StorageContractTest {
  private static LocalEtcd etcd;
  private static EtcdStorage shared;

  @BeforeAll
  static void startEtcd() {
    EtcdTesting.assumeEtcd();
    etcd = LocalEtcd.start();
    shared = EtcdStorage.builder().endpoint(etcd.endpoint()).prefix("/contract").connect();
  }

  @AfterAll
  static void stopEtcd() {
    if (shared != null) {
      shared.close();
    }
    if (etcd != null) {
      etcd.close();
    }
  }

  @Override
  protected Storage open() { return shared; }

  @Override
  protected void release(Storage storage) {}
}
