package dev.scopegate.devnode;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * A signed transaction as the chain holds it. The dev node holds no private keys, so
 * {@code v}, {@code r}, {@code s} are derived from the content rather than a real ECDSA
 * signature; {@code v} still follows EIP-155 ({@code chainId * 2 + 35 + parity}) for public
 * transactions, and is 37 or 38 for private ones, as GoQuorum marks them.
 */
public record Transaction(
    Hash hash,
    long nonce,
    Address from,
    Optional<Address> to,
    BigInteger value,
    long gas,
    BigInteger gasPrice,
    String input,
    BigInteger v,
    BigInteger r,
    BigInteger s) {

  static Transaction sign(
      long chainId,
      long nonce,
      Address from,
      Optional<Address> to,
      BigInteger value,
      long gas,
      BigInteger gasPrice,
      String input) {
    return sign(chainId, nonce, from, to, value, gas, gasPrice, input, false);
  }

  static Transaction sign(
      long chainId,
      long nonce,
      Address from,
      Optional<Address> to,
      BigInteger value,
      long gas,
      BigInteger gasPrice,
      String input,
      boolean privateTx) {
    byte[] digest =
        new Canonical()
            .add(chainId).add(nonce).add(gasPrice).add(gas).add(to).add(value)
            .add(Hex.decodeData(input, null)).add(from)
            .hash().bytes();
    long recovery = digest[31] & 1;
    BigInteger v = BigInteger.valueOf(privateTx ? 37 + recovery : chainId * 2 + 35 + recovery);
    BigInteger r = new BigInteger(1, Keccak.hash256(append(digest, (byte) 1)));
    BigInteger s = new BigInteger(1, Keccak.hash256(append(digest, (byte) 2)));
    Hash hash =
        new Canonical()
            .add(nonce).add(gasPrice).add(gas).add(to).add(value)
            .add(Hex.decodeData(input, null)).add(v).add(r).add(s)
            .hash();
    return new Transaction(hash, nonce, from, to, value, gas, gasPrice, input, v, r, s);
  }

  /** GoQuorum's mark of a private transaction: {@code v} of 37 or 38. */
  public boolean isPrivate() {
    return v.equals(BigInteger.valueOf(37)) || v.equals(BigInteger.valueOf(38));
  }

  public boolean isCreation() {
    return to.isEmpty();
  }

  private static byte[] append(byte[] bytes, byte last) {
    byte[] out = Arrays.copyOf(bytes, bytes.length + 1);
    out[bytes.length] = last;
    return out;
  }
}
