package dev.scopegate.privacy;

import java.util.List;

/**
 * What a block says before it is merged with the index: its private transactions, the contracts
 * they create, the extension management contracts they create, and the {@code StateShared} logs
 * they emit (each still to be judged).
 */
record RawBlock(
    long number,
    String hash,
    String parentHash,
    List<TxFact> transactions,
    List<ContractFact> created,
    List<ExtenderFact> extenders,
    List<StateShared> shares) {

  RawBlock(long number, String hash, String parentHash) {
    this(number, hash, parentHash, List.of(), List.of(), List.of(), List.of());
  }
}
