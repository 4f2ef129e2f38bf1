package dev.scopegate.privacy;

/** The in-memory index behaves as the RocksDB one. */
class MemoryIndexStoreTest extends IndexStoreBehaviour {

  @Override
  protected IndexStore newStore() {
    return new MemoryIndexStore();
  }
}
