package dev.scopegate.privacy;

import static dev.scopegate.privacy.Facts.ALICE;
import static dev.scopegate.privacy.Facts.BOB;
import static dev.scopegate.privacy.Facts.CAROL;
import static dev.scopegate.privacy.Facts.address;
import static dev.scopegate.privacy.Facts.blockHash;
import static dev.scopegate.privacy.Facts.contract;
import static dev.scopegate.privacy.Facts.creating;
import static dev.scopegate.privacy.Facts.txHash;
import static dev.scopegate.privacy.RocksIndexStoreTest.GENESIS;
import static dev.scopegate.privacy.RocksIndexStoreTest.IDENTITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;

/** Opening, resuming, refusing and rebuilding the RocksDB index. */
class RocksIndexLifecycleTest {
  private static final String A = address(1);

  @TempDir Path root;

  private Path dir() {
    return root.resolve("index").toAbsolutePath().normalize();
  }

  private RocksIndexStore open(StoreIdentity identity, boolean reindex) {
    return RocksIndexStore.open(dir(), identity, reindex);
  }

  /** An index at block 2 whose contract A was re-created in block 2. */
  private void indexTwoBlocks() {
    try (RocksIndexStore store = open(IDENTITY, false)) {
      store.apply(creating(1, A, ALICE));
      store.apply(creating(2, A, BOB));
    }
  }

  @Test
  void aRestartedStoreResumesWhereItStopped() {
    indexTwoBlocks();

    try (RocksIndexStore store = open(IDENTITY, false)) {
      assertEquals(Optional.of(new IndexedBlock(2, blockHash(2))), store.head());
      assertEquals(Optional.of(blockHash(1)), store.blockHash(1));
      assertEquals(Optional.of(contract(A, 2, BOB)), store.contract(A));
      assertEquals(Optional.of(Facts.tx(txHash(1), 1, ALICE)), store.transaction(txHash(1)));
      store.apply(Facts.empty(3));
    }
    try (RocksIndexStore store = open(IDENTITY, false)) {
      store.rollbackTo(1);
      assertEquals(Optional.of(contract(A, 1, ALICE)), store.contract(A));
      assertEquals(Optional.of(new IndexedBlock(1, blockHash(1))), store.head());
    }
  }

  @Test
  void aStoreOfAnotherGenesisIsRefused() {
    indexTwoBlocks();
    String other = "0x" + "ab".repeat(32);

    assertRefused(
        new StoreIdentity(other, "1337", IDENTITY.tesseraKeys()),
        "belongs to another chain (genesis " + GENESIS + ", node has " + other + ")");
  }

  @Test
  void aStoreOfAnotherChainIdIsRefused() {
    indexTwoBlocks();

    assertRefused(
        new StoreIdentity(GENESIS, "10", IDENTITY.tesseraKeys()),
        "belongs to another chain (chain id 1337, node has 10)");
  }

  @Test
  void aStoreOfAnotherTesseraKeySetIsRefused() {
    indexTwoBlocks();

    assertRefused(
        new StoreIdentity(GENESIS, "1337", Set.of(ALICE, CAROL)),
        "was built for other Tessera keys (index has ["
            + ALICE
            + ", "
            + BOB
            + "], node has ["
            + CAROL
            + ", "
            + ALICE
            + "])");
  }

  private void assertRefused(StoreIdentity node, String difference) {
    IndexStoreException e = assertThrows(IndexStoreException.class, () -> open(node, false));
    assertEquals(
        "privacy index at " + dir() + " " + difference + "; remove it or start with --reindex",
        e.getMessage());
    try (RocksIndexStore store = open(IDENTITY, false)) {
      assertEquals(Optional.of(contract(A, 2, BOB)), store.contract(A)); // refused, not touched
    }
  }

  @Test
  void aGenesisHashInCapitalsIsTheSameChain() {
    indexTwoBlocks();
    String genesis = "0x" + IDENTITY.genesisHash().substring(2).toUpperCase(Locale.ROOT);
    StoreIdentity shouting = new StoreIdentity(genesis, "1337", IDENTITY.tesseraKeys());

    try (RocksIndexStore store = open(shouting, false)) {
      assertEquals(2, store.head().orElseThrow().number());
    }
  }

  @Test
  void reindexStartsAfresh() {
    indexTwoBlocks();
    StoreIdentity otherKeys = new StoreIdentity(GENESIS, "1337", Set.of(CAROL));

    try (RocksIndexStore store = open(otherKeys, true)) {
      assertEmpty(store);
    }
    try (RocksIndexStore store = open(otherKeys, false)) {
      assertEmpty(store); // and tied to the new identity
    }
  }

  @Test
  void garbageInTheMetadataRecordRebuildsTheStore() throws RocksDBException {
    indexTwoBlocks();
    writeRaw(StoreKeys.META, "{not json".getBytes(StandardCharsets.UTF_8));

    assertRebuilt();
  }

  @Test
  void aMissingMetadataRecordRebuildsTheStore() throws RocksDBException {
    indexTwoBlocks();
    try (RocksKeyValues raw = RocksKeyValues.open(dir())) {
      raw.write(Map.of(StoreKeys.META, Optional.empty()));
    }

    assertRebuilt();
  }

  @Test
  void anUnknownSchemaVersionRebuildsTheStore() throws RocksDBException {
    indexTwoBlocks();
    writeRaw(StoreKeys.META, new StoreMeta(StoreMeta.SCHEMA + 1, IDENTITY).toBytes());

    assertRebuilt();
  }

  @Test
  void aGarbledCurrentFileRebuildsTheStore() throws IOException {
    indexTwoBlocks();
    Files.writeString(dir().resolve("CURRENT"), "garbage");

    assertRebuilt();
  }

  @Test
  void aGarbledManifestRebuildsTheStore() throws IOException {
    indexTwoBlocks();
    try (Stream<Path> files = Files.list(dir())) {
      List<Path> manifests =
          files.filter(f -> f.getFileName().toString().startsWith("MANIFEST-")).toList();
      assertEquals(1, manifests.size());
      Files.write(manifests.get(0), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
    }

    assertRebuilt();
  }

  private void assertRebuilt() {
    try (RocksIndexStore store = open(IDENTITY, false)) {
      assertEmpty(store);
      store.apply(creating(1, A, ALICE));
    }
    try (RocksIndexStore store = open(IDENTITY, false)) {
      assertEquals(Optional.of(contract(A, 1, ALICE)), store.contract(A)); // a sound store again
    }
  }

  @Test
  void theSameDirectoryCannotBeOpenedTwice() {
    try (RocksIndexStore first = open(IDENTITY, false)) {
      first.apply(creating(1, A, ALICE));
      String inUse =
          "privacy index at "
              + dir()
              + " is already open in this or another process;"
              + " stop the other Scopegate or give this one its own directory";

      assertEquals(
          inUse, assertThrows(IndexStoreException.class, () -> open(IDENTITY, false)).getMessage());
      assertEquals(
          inUse, assertThrows(IndexStoreException.class, () -> open(IDENTITY, true)).getMessage());
      assertEquals(Optional.of(contract(A, 1, ALICE)), first.contract(A)); // still whole
    }
  }

  @Test
  void aStrayFileInTheDirectorySurvivesAReindex() throws IOException {
    indexTwoBlocks();
    Files.writeString(dir().resolve("notes.txt"), "mine");

    open(IDENTITY, true).close();

    assertEquals("mine", Files.readString(dir().resolve("notes.txt")));
  }

  @Test
  void metadataThatIsNotOursReadsAsNothing() {
    assertEquals(
        Optional.empty(), StoreMeta.parse("{\"schema\":\"1\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(Optional.empty(), StoreMeta.parse(new byte[] {0, 1, 2}));
    StoreMeta meta = new StoreMeta(StoreMeta.SCHEMA, RocksIndexStoreTest.IDENTITY);
    assertEquals(Optional.of(meta), StoreMeta.parse(meta.toBytes()));
  }

  private void writeRaw(String key, byte[] value) throws RocksDBException {
    try (RocksKeyValues raw = RocksKeyValues.open(dir())) {
      raw.write(Map.of(key, Optional.of(value)));
    }
  }

  private static void assertEmpty(IndexStore store) {
    assertEquals(Optional.empty(), store.head());
    assertEquals(Optional.empty(), store.blockHash(1));
    assertEquals(Optional.empty(), store.contract(A));
    assertEquals(Optional.empty(), store.transaction(txHash(1)));
  }
}
