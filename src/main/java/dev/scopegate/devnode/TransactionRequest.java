package dev.scopegate.devnode;

import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code eth_sendTransaction} asks for. An absent {@code to} creates a contract whose code
 * is {@code input}; absent gas and nonce are filled in by the node, as geth does. With
 * {@code privacy}, {@code input} is the private payload: the chain sees only its Tessera hash.
 * A raw transaction comes {@code signed} by its client: the node neither signs nor changes it.
 */
public record TransactionRequest(
    Address from,
    Optional<Address> to,
    BigInteger value,
    OptionalLong gas,
    BigInteger gasPrice,
    OptionalLong nonce,
    String input,
    Optional<PrivacyRequest> privacy,
    Optional<SignedTx> signed) {

  public TransactionRequest {
    if (value.signum() < 0 || gasPrice.signum() < 0) {
      throw new IllegalArgumentException("negative value or gas price");
    }
    Hex.decodeData(input, null);
  }

  public TransactionRequest(
      Address from,
      Optional<Address> to,
      BigInteger value,
      OptionalLong gas,
      BigInteger gasPrice,
      OptionalLong nonce,
      String input,
      Optional<PrivacyRequest> privacy) {
    this(from, to, value, gas, gasPrice, nonce, input, privacy, Optional.empty());
  }

  public TransactionRequest(
      Address from,
      Optional<Address> to,
      BigInteger value,
      OptionalLong gas,
      BigInteger gasPrice,
      OptionalLong nonce,
      String input) {
    this(from, to, value, gas, gasPrice, nonce, input, Optional.empty(), Optional.empty());
  }

  /** A raw transaction, signed by {@code sender}, exactly as the client sent it. */
  static TransactionRequest signed(SignedTx tx, Address sender) {
    return new TransactionRequest(
        sender, tx.to(), tx.value(), OptionalLong.of(tx.gas()), tx.gasPrice(),
        OptionalLong.of(tx.nonce()), tx.input(), Optional.empty(), Optional.of(tx));
  }

  public static TransactionRequest transfer(Address from, Address to, BigInteger value) {
    return new TransactionRequest(
        from, Optional.of(to), value, OptionalLong.empty(), BigInteger.ZERO,
        OptionalLong.empty(), "0x");
  }

  public static TransactionRequest create(Address from, String code) {
    return new TransactionRequest(
        from, Optional.empty(), BigInteger.ZERO, OptionalLong.empty(), BigInteger.ZERO,
        OptionalLong.empty(), code);
  }

  public static TransactionRequest call(Address from, Address to, String data) {
    return new TransactionRequest(
        from, Optional.of(to), BigInteger.ZERO, OptionalLong.empty(), BigInteger.ZERO,
        OptionalLong.empty(), data);
  }

  public TransactionRequest withPrivacy(PrivacyRequest newPrivacy) {
    return new TransactionRequest(
        from, to, value, gas, gasPrice, nonce, input, Optional.of(newPrivacy), signed);
  }

  public boolean isPrivate() {
    return privacy.isPresent();
  }
}
