package dev.scopegate.privacy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;

/** The RocksDB index, through the behaviour every index shares. */
class RocksIndexStoreTest extends IndexStoreBehaviour {
  static final String GENESIS = "0x" + "9e".repeat(32);
  static final StoreIdentity IDENTITY =
      new StoreIdentity(GENESIS, "1337", Set.of(Facts.ALICE, Facts.BOB));

  @TempDir Path dir;

  @Override
  protected IndexStore newStore() {
    return RocksIndexStore.open(dir.resolve("index"), IDENTITY, false);
  }
}
