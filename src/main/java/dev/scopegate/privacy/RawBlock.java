package dev.scopegate.privacy;

import java.util.List;

/**
 * What a block says before it is merged with the index: its private transactions, the contracts
 * they create, and the extensions they complete ({@code extensions}: parties to add).
 */
record RawBlock(
    long number,
    String hash,
    String parentHash,
    List<TxFact> transactions,
    List<ContractFact> created,
    List<ContractFact> extensions) {}
