package dev.scopegate.devnode;

import java.math.BigInteger;
import java.util.Optional;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;

/**
 * The storage of dev node contracts: one word, slot 0 = keccak(code); every other slot, and every
 * slot of an account without code, is zero. It derives from the code, so it has history wherever
 * the code has. Its root is the real Merkle-Patricia root of that one-leaf trie, and the leaf is
 * the one-node proof of slot 0, so roots and proofs are what a client could check.
 */
final class Storage {
  /** go-ethereum's {@code types.EmptyRootHash}: the root of an account with no storage. */
  static final Hash EMPTY_ROOT = Block.EMPTY_ROOT;

  /** Keccak-256 of no bytes: the code hash of an account without code. */
  static final Hash EMPTY_CODE_HASH = Hash.keccak(new byte[0]);

  private Storage() {}

  /** The word a contract with {@code code} keeps in slot 0. */
  static Hash slot0(String code) {
    return Hash.keccak(Hex.decodeData(code, null));
  }

  /** The value of {@code slot} in {@code account}. */
  static Hash value(AccountState account, Hash slot) {
    return isContract(account) && slot.equals(Hash.ZERO) ? slot0(account.code()) : Hash.ZERO;
  }

  static Hash root(AccountState account) {
    return leaf(account).map(Hash::keccak).orElse(EMPTY_ROOT);
  }

  /** The trie node proving {@code slot}: the leaf of slot 0 when it is set. */
  static Optional<byte[]> proof(AccountState account, Hash slot) {
    return slot.equals(Hash.ZERO) ? leaf(account) : Optional.empty();
  }

  static Hash codeHash(AccountState account) {
    return Hash.keccak(Hex.decodeData(account.code(), null));
  }

  /**
   * A trie leaf: [hex-prefix(keccak(key)), value], the path being all 64 nibbles of the hashed key
   * (an even leaf path: prefix byte 0x20).
   */
  static byte[] leafNode(byte[] key, byte[] value) {
    byte[] path = new byte[33];
    path[0] = 0x20;
    System.arraycopy(Keccak.hash256(key), 0, path, 1, 32);
    return RlpEncoder.encode(new RlpList(RlpString.create(path), RlpString.create(value)));
  }

  private static Optional<byte[]> leaf(AccountState account) {
    if (!isContract(account)) {
      return Optional.empty();
    }
    BigInteger word = new BigInteger(1, slot0(account.code()).bytes());
    byte[] value = RlpEncoder.encode(RlpString.create(word));
    return Optional.of(leafNode(Hash.ZERO.bytes(), value));
  }

  private static boolean isContract(AccountState account) {
    return !account.code().equals("0x");
  }
}
