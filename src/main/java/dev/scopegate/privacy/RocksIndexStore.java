package dev.scopegate.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.rocksdb.RocksDBException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The privacy index in an embedded RocksDB database, tied to one chain and one Tessera key set.
 *
 * <p>Layout, one key space (see {@link StoreKeys}, {@link FactCodec}):
 *
 * <ul>
 *   <li>{@code meta} — schema version and {@link StoreIdentity}, JSON ({@link StoreMeta});
 *   <li>{@code head} — number and hash of the last applied block;
 *   <li>{@code b:<number>} — a block's hash and parent hash ({@code number} 16 hex digits);
 *   <li>{@code u:<number>} — the block's undo record: each key it wrote, with the value before or
 *       its absence ({@link UndoRecord});
 *   <li>{@code c:<address>} — the current {@link ContractFact} of a contract;
 *   <li>{@code t:<hash>} — a {@link TxFact}, under both its public (marker) and inner hash.
 * </ul>
 *
 * <p>The index is derived from the chain, so whatever cannot be trusted is rebuilt rather than
 * repaired: a database RocksDB cannot open, or a metadata record that is missing, unreadable or of
 * another schema. A store of another chain or key set is refused instead, since a wrong directory
 * is more likely than a wish to discard it.
 */
public final class RocksIndexStore extends KeyValueIndexStore {
  private static final Logger LOG = LoggerFactory.getLogger(RocksIndexStore.class);

  private RocksIndexStore(RocksKeyValues store) {
    super(store);
  }

  public static RocksIndexStore open(Path dir, StoreIdentity identity, boolean reindex) {
    Path path = dir.toAbsolutePath().normalize();
    if (reindex) {
      LOG.info("Privacy index at {}: reindexing, removing the old index", path);
      destroy(path);
    }
    try {
      return new RocksIndexStore(openVerified(path, identity));
    } catch (Unreadable e) {
      LOG.warn(
          "Privacy index at {} is unreadable ({}); rebuilding it from the chain",
          path,
          e.getMessage());
      destroy(path);
    }
    try {
      return new RocksIndexStore(openVerified(path, identity));
    } catch (Unreadable e) {
      throw new IndexStoreException(
          "privacy index at " + path + " is unreadable even after rebuilding: " + e.getMessage());
    }
  }

  private static RocksKeyValues openVerified(Path path, StoreIdentity identity) throws Unreadable {
    RocksKeyValues store = openDatabase(path);
    try {
      verify(store, path, identity);
      return store;
    } catch (Unreadable | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private static void verify(RocksKeyValues store, Path path, StoreIdentity identity)
      throws Unreadable {
    Optional<byte[]> value = store.get(StoreKeys.META);
    if (value.isEmpty()) {
      if (!store.isEmpty()) {
        throw new Unreadable("its metadata record is missing");
      }
      byte[] meta = new StoreMeta(StoreMeta.SCHEMA, identity).toBytes();
      store.write(Map.of(StoreKeys.META, Optional.of(meta)));
      return;
    }
    StoreMeta meta =
        StoreMeta.parse(value.get())
            .orElseThrow(() -> new Unreadable("its metadata record is unreadable"));
    if (meta.schema() != StoreMeta.SCHEMA) {
      throw new Unreadable(
          "schema version " + meta.schema() + ", this Scopegate uses " + StoreMeta.SCHEMA);
    }
    Optional<String> difference = meta.identity().differenceFrom(identity);
    if (difference.isPresent()) {
      throw new IndexStoreException(
          "privacy index at "
              + path
              + " "
              + difference.get()
              + "; remove it or start with --reindex");
    }
  }

  private static RocksKeyValues openDatabase(Path path) throws Unreadable {
    try {
      Files.createDirectories(path);
      return RocksKeyValues.open(path);
    } catch (IOException e) {
      throw new IndexStoreException(
          "privacy index directory " + path + " cannot be created: " + e, e);
    } catch (RocksDBException e) {
      failIfLocked(path, e);
      throw new Unreadable(e.getMessage());
    }
  }

  private static void destroy(Path path) {
    try {
      RocksKeyValues.destroy(path);
    } catch (RocksDBException e) {
      failIfLocked(path, e);
      throw new IndexStoreException(
          "privacy index at " + path + " cannot be removed: " + e.getMessage(), e);
    }
  }

  /** RocksDB's lock file says another open store (in this process or another) holds the dir. */
  private static void failIfLocked(Path path, RocksDBException e) {
    if (String.valueOf(e.getMessage()).contains(path.resolve("LOCK") + ":")) {
      throw new IndexStoreException(
          "privacy index at "
              + path
              + " is already open in this or another process;"
              + " stop the other Scopegate or give this one its own directory",
          e);
    }
  }

  /** The store cannot be trusted and is rebuilt; the message says why, for the log. */
  private static final class Unreadable extends Exception {
    Unreadable(String reason) {
      super(reason);
    }
  }
}
