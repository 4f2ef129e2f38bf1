package dev.scopegate.devnode;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one transaction in one state. {@code transactionHash} is the hash the receipt
 * answers for: the transaction's own, or for the private receipt behind a privacy marker, the
 * marker's (as GoQuorum reports it).
 */
public record Receipt(
    Hash transactionHash,
    boolean success,
    long gasUsed,
    long cumulativeGasUsed,
    Optional<Address> contractAddress,
    List<Log> logs) {

  public Receipt {
    logs = List.copyOf(logs);
  }

  byte[] bloom() {
    return Bloom.of(logs);
  }

  Canonical encode() {
    Canonical encoding =
        new Canonical()
            .add(transactionHash)
            .add(success ? 1 : 0)
            .add(gasUsed)
            .add(cumulativeGasUsed)
            .add(contractAddress);
    for (Log log : logs) {
      encoding.add(log.address());
      log.topics().forEach(encoding::add);
      encoding.add(Hex.decodeData(log.data(), null));
    }
    return encoding;
  }
}
