package dev.scopegate.devnode;

import java.math.BigInteger;
import java.util.Map;
import java.util.HashMap;

/**
 * One account at one block: balance in wei, nonce, code ({@code 0x} for a plain account) and the
 * storage slots written to it ({@link Storage} gives every other slot its value).
 */
public record AccountState(BigInteger balance, long nonce, String code, Map<Hash, Hash> storage) {
  public static final AccountState EMPTY = new AccountState(BigInteger.ZERO, 0, "0x");

  public AccountState {
    if (balance.signum() < 0 || nonce < 0) {
      throw new IllegalArgumentException("negative balance or nonce");
    }
    storage = Map.copyOf(storage);
  }

  public AccountState(BigInteger balance, long nonce, String code) {
    this(balance, nonce, code, Map.of());
  }

  AccountState credit(BigInteger amount) {
    return new AccountState(balance.add(amount), nonce, code, storage);
  }

  AccountState debit(BigInteger amount) {
    return new AccountState(balance.subtract(amount), nonce, code, storage);
  }

  AccountState withNonce(long newNonce) {
    return new AccountState(balance, newNonce, code, storage);
  }

  AccountState withCode(String newCode) {
    return new AccountState(balance, nonce, newCode, storage);
  }

  AccountState withBalance(BigInteger newBalance) {
    return new AccountState(newBalance, nonce, code, storage);
  }

  /** Every slot written replaced by {@code slots} (a state override's {@code state}). */
  AccountState withStorage(Map<Hash, Hash> slots) {
    return new AccountState(balance, nonce, code, slots);
  }

  /** {@code slot} set to {@code value} (SSTORE); other slots kept. */
  AccountState withSlot(Hash slot, Hash value) {
    Map<Hash, Hash> slots = new HashMap<>(storage);
    slots.put(slot, value);
    return new AccountState(balance, nonce, code, slots);
  }

  boolean isEmpty() {
    return equals(EMPTY);
  }
}
