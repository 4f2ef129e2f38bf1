package dev.scopegate.devnode;

import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code eth_sendTransaction} asks for. An absent {@code to} creates a contract whose code
 * is {@code input}; absent gas and nonce are filled in by the node, as geth does.
 */
public record TransactionRequest(
    Address from,
    Optional<Address> to,
    BigInteger value,
    OptionalLong gas,
    BigInteger gasPrice,
    OptionalLong nonce,
    String input) {

  public TransactionRequest {
    if (value.signum() < 0 || gasPrice.signum() < 0) {
      throw new IllegalArgumentException("negative value or gas price");
    }
    Hex.decodeData(input, null);
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
}
