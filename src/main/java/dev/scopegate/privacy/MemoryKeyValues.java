package dev.scopegate.privacy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** Key-values in a map; a lock makes each write one step for readers, as a RocksDB batch is. */
final class MemoryKeyValues implements KeyValues {
  private final Map<String, byte[]> values = new HashMap<>();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed;

  @Override
  public Optional<byte[]> get(String key) {
    lock.readLock().lock();
    try {
      ensureOpen();
      return Optional.ofNullable(values.get(key)).map(byte[]::clone);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void write(Map<String, Optional<byte[]>> changes) {
    lock.writeLock().lock();
    try {
      ensureOpen();
      changes.forEach(
          (key, value) -> {
            if (value.isPresent()) {
              values.put(key, value.get().clone());
            } else {
              values.remove(key);
            }
          });
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
      values.clear();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("privacy index is closed");
    }
  }
}
