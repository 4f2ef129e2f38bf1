package dev.scopegate.privacy;

/**
 * Who is party to a private contract, as of block {@code block}: learnt from the transaction
 * {@code txHash} that created or extended it. {@code address} is lower-case 0x-hex.
 */
public record ContractFact(String address, Parties parties, long block, String txHash, Origin origin) {

  /** How the index learnt the contract. */
  public enum Origin {
    /** The receipt's contractAddress of a private transaction. */
    CREATED,
    /** A CREATE/CREATE2 frame inside a private transaction's trace. */
    CREATED_INSIDE,
    /** A StateShared extension added parties (or introduced the contract). */
    EXTENDED
  }
}
