package dev.scopegate.privacy;

import static dev.scopegate.privacy.StoreKeys.lower;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The index over any {@link KeyValues}: one atomic write per applied block and per undone block, so
 * the in-memory and RocksDB stores share their semantics, not just their interface.
 *
 * <p>Applying a block writes its facts, its head record, its own record and an undo record holding
 * what each written key held before. Undoing writes those values back — the head's previous value
 * included, so after undoing the first block the store is empty again. Writers are serialised;
 * readers run alongside and see whole blocks.
 */
public abstract sealed class KeyValueIndexStore implements IndexStore
    permits RocksIndexStore, MemoryIndexStore {
  private final KeyValues store;

  KeyValueIndexStore(KeyValues store) {
    this.store = store;
  }

  @Override
  public Optional<IndexedBlock> head() {
    return store.get(StoreKeys.HEAD).map(value -> FactCodec.head(StoreKeys.HEAD, value));
  }

  @Override
  public Optional<String> blockHash(long number) {
    String key = StoreKeys.block(number);
    return store.get(key).map(value -> FactCodec.blockHash(key, value));
  }

  @Override
  public Optional<ContractFact> contract(String address) {
    String key = StoreKeys.contract(address);
    return store.get(key).map(value -> FactCodec.contract(key, value));
  }

  @Override
  public Optional<ExtenderFact> extender(String address) {
    String key = StoreKeys.extender(address);
    return store.get(key).map(value -> FactCodec.extender(key, value));
  }

  @Override
  public boolean metadataRewritten(String address) {
    return store.get(StoreKeys.rewritten(address)).isPresent();
  }

  @Override
  public Optional<TxFact> transaction(String hash) {
    String key = StoreKeys.transaction(hash);
    return store.get(key).map(value -> FactCodec.transaction(key, value));
  }

  @Override
  public synchronized void apply(BlockFacts block) {
    if (block.number() < 0) {
      throw new IllegalArgumentException("block number " + block.number() + " is negative");
    }
    head().ifPresent(head -> requireChild(head, block));
    Map<String, Optional<byte[]>> writes = new LinkedHashMap<>();
    for (TxFact tx : block.transactions()) {
      TxFact fact = normalised(tx);
      byte[] value = FactCodec.transaction(fact);
      writes.put(StoreKeys.transaction(fact.txHash()), Optional.of(value));
      writes.put(StoreKeys.transaction(fact.innerHash()), Optional.of(value));
    }
    for (ContractFact contract : block.contracts()) {
      ContractFact fact = normalised(contract);
      writes.put(StoreKeys.contract(fact.address()), Optional.of(FactCodec.contract(fact)));
    }
    for (ExtenderFact extender : block.extenders()) {
      writes.put(StoreKeys.extender(extender.address()), Optional.of(FactCodec.extender(extender)));
    }
    for (String address : block.metadataRewritten()) {
      writes.put(StoreKeys.rewritten(address), Optional.of(new byte[] {1}));
    }
    IndexedBlock head = new IndexedBlock(block.number(), lower(block.hash()));
    writes.put(StoreKeys.HEAD, Optional.of(FactCodec.head(head)));
    UndoRecord undo = undoFor(writes);
    byte[] record = FactCodec.block(lower(block.hash()), lower(block.parentHash()));
    writes.put(StoreKeys.block(block.number()), Optional.of(record));
    writes.put(StoreKeys.undo(block.number()), Optional.of(undo.toBytes()));
    store.write(writes);
  }

  @Override
  public synchronized void rollbackTo(long number) {
    Optional<IndexedBlock> head = head();
    while (head.isPresent() && head.get().number() > number) {
      undo(head.get().number());
      head = head();
    }
  }

  @Override
  public void close() {
    store.close();
  }

  private void undo(long number) {
    String key = StoreKeys.undo(number);
    byte[] value =
        store
            .get(key)
            .orElseThrow(
                () ->
                    new IndexStoreException(
                        "privacy index has no undo record for block "
                            + number
                            + "; start with --reindex to rebuild it"));
    Map<String, Optional<byte[]>> writes =
        new LinkedHashMap<>(UndoRecord.parse(key, value).before());
    writes.put(StoreKeys.block(number), Optional.empty());
    writes.put(key, Optional.empty());
    store.write(writes);
  }

  /** The values before this block; a key written twice in one block is recorded once. */
  private UndoRecord undoFor(Map<String, Optional<byte[]>> writes) {
    Map<String, Optional<byte[]>> before = new LinkedHashMap<>();
    writes.keySet().forEach(key -> before.put(key, store.get(key)));
    return new UndoRecord(before);
  }

  private static void requireChild(IndexedBlock head, BlockFacts block) {
    if (block.number() != head.number() + 1) {
      throw new IllegalStateException(
          "block " + block.number() + " does not follow the index head " + head.number());
    }
    if (!lower(block.parentHash()).equals(head.hash())) {
      throw new IllegalStateException(
          "block "
              + block.number()
              + " has parent "
              + lower(block.parentHash())
              + ", but the index holds "
              + head.hash()
              + " at "
              + head.number()
              + "; roll back first");
    }
  }

  private static TxFact normalised(TxFact fact) {
    return new TxFact(lower(fact.txHash()), lower(fact.innerHash()), fact.parties(), fact.block());
  }

  private static ContractFact normalised(ContractFact fact) {
    return new ContractFact(
        lower(fact.address()), fact.parties(), fact.block(), lower(fact.txHash()), fact.origin());
  }
}
