package dev.scopegate.privacy;

import java.util.Optional;

/**
 * The privacy index's persistent facts. Blocking (an embedded database): callers keep it off the
 * event loop. Blocks are applied in order, each atomically; a rollback undoes whole blocks.
 */
public interface IndexStore extends AutoCloseable {

  /** The last applied block, if any. */
  Optional<IndexedBlock> head();

  /** The hash recorded for an applied block. */
  Optional<String> blockHash(long number);

  /** Applies the next block (number = head + 1, or any number when the store is empty). */
  void apply(BlockFacts block);

  /** Undoes every applied block above {@code number}, newest first. */
  void rollbackTo(long number);

  /** The current fact for a contract address (lower-case 0x-hex). */
  Optional<ContractFact> contract(String address);

  /** The genuine extension management contract at this address (lower-case 0x-hex), if any. */
  Optional<ExtenderFact> extender(String address);

  /**
   * Whether a StateShared log the index did not honour named this contract (lower-case 0x-hex):
   * GoQuorum then rewrote its privacy metadata, whose creationTxHash proves nothing any more.
   */
  boolean metadataRewritten(String address);

  /** The fact for a private transaction, by its public (or marker) hash. */
  Optional<TxFact> transaction(String hash);

  @Override
  void close();
}
