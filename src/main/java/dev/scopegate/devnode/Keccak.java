package dev.scopegate.devnode;

import org.bouncycastle.jcajce.provider.digest.Keccak.Digest256;

/**
 * Keccak-256 as Ethereum uses it (the original Keccak padding, not the JDK's NIST SHA3-256), from
 * Bouncy Castle. The dev node uses it for {@code web3_sha3}, which clients check against real
 * values, and for every other hash so that one function serves the whole chain.
 */
final class Keccak {
  private Keccak() {}

  static byte[] hash256(byte[] input) {
    return new Digest256().digest(input);
  }
}
