package dev.scopegate.privacy;

/**
 * An index held in memory, with the RocksDB store's semantics (it runs the same code over a map):
 * for tests of the components that feed and read the index.
 */
public final class MemoryIndexStore extends KeyValueIndexStore {

  public MemoryIndexStore() {
    super(new MemoryKeyValues());
  }
}
