package dev.scopegate.privacy;

import java.util.List;

/** Blocks and facts for index tests: distinct, recognisable hashes and addresses. */
final class Facts {
  static final String ALICE = "BULeR8JyUWhiuuCMU/HLA0Q5pzkYT+cHII3ZKBey3Bo=";
  static final String BOB = "QfeDAys9MPDs2XHExtc84jKGHxZg/aj52DTh0vtA3Xc=";
  static final String CAROL = "1iTZde/ndBHvzhcl7V68x44Vx7pl8nwx9LqnM/AfJUg=";

  private Facts() {}

  static String blockHash(long number) {
    return String.format("0x%064x", number);
  }

  /** The hash of block {@code number} on a competing fork. */
  static String forkHash(long number) {
    return String.format("0xf%063x", number);
  }

  static String address(int i) {
    return String.format("0x%040x", 0xc0000 + i);
  }

  static String txHash(long i) {
    return String.format("0x%064x", 0xa000000L + i);
  }

  static BlockFacts block(long number, List<TxFact> txs, List<ContractFact> contracts) {
    return new BlockFacts(number, blockHash(number), blockHash(number - 1), txs, contracts);
  }

  static BlockFacts empty(long number) {
    return block(number, List.of(), List.of());
  }

  /** A block that creates (or re-creates) one contract in one private transaction. */
  static BlockFacts creating(long number, String address, String... parties) {
    TxFact tx = tx(txHash(number), number, parties);
    return block(number, List.of(tx), List.of(contract(address, number, parties)));
  }

  static ContractFact contract(String address, long block, String... parties) {
    return new ContractFact(
        address, Parties.of(parties), block, txHash(block), ContractFact.Origin.CREATED);
  }

  static TxFact tx(String hash, long block, String... parties) {
    return new TxFact(hash, hash, Parties.of(parties), block);
  }
}
