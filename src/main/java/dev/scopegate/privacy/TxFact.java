package dev.scopegate.privacy;

/**
 * Who is party to a private transaction mined in {@code block}. {@code txHash} is the public
 * transaction's hash (lower-case 0x-hex); for a privacy-marker transaction, the marker's hash,
 * with {@code innerHash} the private transaction inside it (else equal to {@code txHash}).
 */
public record TxFact(String txHash, String innerHash, Parties parties, long block) {}
