package dev.scopegate.devnode;

import java.util.Optional;

/** The outcome of one transaction; the dev node runs no EVM, so there are no logs yet. */
public record Receipt(
    Hash transactionHash,
    boolean success,
    long gasUsed,
    long cumulativeGasUsed,
    Optional<Address> contractAddress) {

  Canonical encode() {
    return new Canonical()
        .add(transactionHash)
        .add(success ? 1 : 0)
        .add(gasUsed)
        .add(cumulativeGasUsed)
        .add(contractAddress);
  }
}
