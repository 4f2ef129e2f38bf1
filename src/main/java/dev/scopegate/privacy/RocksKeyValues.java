package dev.scopegate.privacy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Key-values in one RocksDB database. RocksDB is thread-safe; the lock is only there so that {@link
 * #close()} never frees the native handle under a running read (that would crash the JVM, not
 * throw).
 *
 * <p>Writes are not fsynced: the write-ahead log still recovers a consistent prefix of batches
 * after a crash, and the index is rebuildable, so an fsync per block buys nothing.
 */
final class RocksKeyValues implements KeyValues {
  private final Options options;
  private final RocksDB db;
  private final WriteOptions writeOptions = new WriteOptions();
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private boolean closed;

  private RocksKeyValues(Options options, RocksDB db) {
    this.options = options;
    this.db = db;
  }

  /** Loads RocksDB's native library (idempotent; the first load copies it out of the jar). */
  static Void loadLibrary() {
    RocksDB.loadLibrary();
    return null;
  }

  static RocksKeyValues open(Path dir) throws RocksDBException {
    RocksDB.loadLibrary();
    Options options = options();
    try {
      return new RocksKeyValues(options, RocksDB.open(options, dir.toString()));
    } catch (RocksDBException e) {
      options.close();
      throw e;
    }
  }

  /** Deletes the database files in {@code dir} (only RocksDB's own: a stray file survives). */
  static void destroy(Path dir) throws RocksDBException {
    RocksDB.loadLibrary();
    try (Options options = options()) {
      RocksDB.destroyDB(dir.toString(), options);
    }
  }

  private static Options options() {
    // A handful of info logs is plenty for a rebuildable index.
    return new Options().setCreateIfMissing(true).setKeepLogFileNum(3);
  }

  @Override
  public Optional<byte[]> get(String key) {
    lock.readLock().lock();
    try {
      ensureOpen();
      return Optional.ofNullable(db.get(bytes(key)));
    } catch (RocksDBException e) {
      throw new IndexStoreException("privacy index read failed: " + e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void write(Map<String, Optional<byte[]>> changes) {
    lock.readLock().lock();
    try (WriteBatch batch = new WriteBatch()) {
      ensureOpen();
      for (Map.Entry<String, Optional<byte[]>> change : changes.entrySet()) {
        if (change.getValue().isPresent()) {
          batch.put(bytes(change.getKey()), change.getValue().get());
        } else {
          batch.delete(bytes(change.getKey()));
        }
      }
      db.write(writeOptions, batch);
    } catch (RocksDBException e) {
      throw new IndexStoreException("privacy index write failed: " + e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  boolean isEmpty() {
    lock.readLock().lock();
    try {
      ensureOpen();
      try (RocksIterator keys = db.newIterator()) {
        keys.seekToFirst();
        return !keys.isValid();
      }
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (!closed) {
        closed = true;
        writeOptions.close();
        db.close();
        options.close();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("privacy index is closed");
    }
  }

  private static byte[] bytes(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }
}
