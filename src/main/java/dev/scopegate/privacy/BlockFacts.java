package dev.scopegate.privacy;

import java.util.List;

/**
 * What one block adds to the index: its identity (for resuming and for noticing
 * reorganisations) and the facts of its private transactions, contracts and extension management
 * contracts. The contract facts are final values: an extension's parties are already merged with
 * the earlier ones.
 */
public record BlockFacts(
    long number,
    String hash,
    String parentHash,
    List<TxFact> transactions,
    List<ContractFact> contracts,
    List<ExtenderFact> extenders,
    List<String> metadataRewritten) {

  public BlockFacts {
    transactions = List.copyOf(transactions);
    contracts = List.copyOf(contracts);
    extenders = List.copyOf(extenders);
    metadataRewritten = List.copyOf(metadataRewritten);
  }

  public BlockFacts(
      long number, String hash, String parentHash, List<TxFact> transactions, List<ContractFact> contracts) {
    this(number, hash, parentHash, transactions, contracts, List.of(), List.of());
  }
}
