package dev.scopegate.devnode;

import java.math.BigInteger;
import java.util.Optional;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;

/**
 * The storage of dev node contracts: slot 0 = keccak(code) unless written; every slot a contract
 * wrote (SSTORE, {@link Behaviours}' vault) holds what was written; every other slot, and every
 * slot of an account without code, is zero. Written slots live in {@link AccountState}, so they
 * have history wherever the account has. For a contract with only its derived slot 0 the root is
 * the real Merkle-Patricia root of that one-leaf trie and the leaf its one-node proof; with written
 * slots the root is a digest of them (the dev node builds no multi-leaf trie) and a slot's proof is
 * its own leaf.
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
    Hash written = account.storage().get(slot);
    if (written != null) {
      return written;
    }
    return isContract(account) && slot.equals(Hash.ZERO) ? slot0(account.code()) : Hash.ZERO;
  }

  static Hash root(AccountState account) {
    if (account.storage().isEmpty()) {
      return leaf(account).map(Hash::keccak).orElse(EMPTY_ROOT);
    }
    Canonical digest = new Canonical();
    account.storage().entrySet().stream()
        .sorted(java.util.Map.Entry.comparingByKey(java.util.Comparator.comparing(Hash::hex)))
        .forEach(slot -> digest.add(slot.getKey()).add(slot.getValue()));
    return digest.add(value(account, Hash.ZERO)).hash();
  }

  /** The trie node proving {@code slot}: its leaf when it holds a word. */
  static Optional<byte[]> proof(AccountState account, Hash slot) {
    if (account.storage().containsKey(slot)) {
      Hash word = account.storage().get(slot);
      return word.equals(Hash.ZERO)
          ? Optional.empty()
          : Optional.of(leafNode(slot.bytes(), RlpEncoder.encode(RlpString.create(new BigInteger(1, word.bytes())))));
    }
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
