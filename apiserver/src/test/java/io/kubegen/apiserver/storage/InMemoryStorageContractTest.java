package io.kubegen.apiserver.storage;

/** The storage contract, held by {@link InMemoryStorage}. */
class InMemoryStorageContractTest extends StorageContractTest {
  @Override
  protected Storage open() { return new InMemoryStorage(); }

  @Override
  protected void release(Storage storage) { storage.close(); }
}
