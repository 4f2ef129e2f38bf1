package dev.scopegate.devnode;

import java.math.BigInteger;

/** One account at one block: balance in wei, nonce, and code ({@code 0x} for a plain account). */
public record AccountState(BigInteger balance, long nonce, String code) {
  public static final AccountState EMPTY = new AccountState(BigInteger.ZERO, 0, "0x");

  public AccountState {
    if (balance.signum() < 0 || nonce < 0) {
      throw new IllegalArgumentException("negative balance or nonce");
    }
  }

  AccountState credit(BigInteger amount) {
    return new AccountState(balance.add(amount), nonce, code);
  }

  AccountState debit(BigInteger amount) {
    return new AccountState(balance.subtract(amount), nonce, code);
  }

  AccountState withNonce(long newNonce) {
    return new AccountState(balance, newNonce, code);
  }

  AccountState withCode(String newCode) {
    return new AccountState(balance, nonce, newCode);
  }

  boolean isEmpty() {
    return equals(EMPTY);
  }
}
