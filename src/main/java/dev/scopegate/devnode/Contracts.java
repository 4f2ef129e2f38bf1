package dev.scopegate.devnode;

import java.util.Locale;

/**
 * Creation data and call data for the dev node's contract kinds ({@link Behaviours}), for tests and
 * scenarios outside this package.
 */
public final class Contracts {
  private Contracts() {}

  /** A vault: stores what it is sent (slot, word), answers a slot's word. */
  public static String vault() {
    return Behaviours.VAULT;
  }

  /** Call data that makes a vault store {@code word} in {@code slot} (both 32-byte hex). */
  public static String store(String slot, String word) {
    return "0x" + bare32(slot) + bare32(word);
  }

  /** Call data that makes a vault answer {@code slot}'s word. */
  public static String load(String slot) {
    return "0x" + bare32(slot);
  }

  /**
   * A toucher: when called, performs {@code opcode} (CALL, CALLCODE, DELEGATECALL, STATICCALL,
   * EXTCODESIZE, EXTCODECOPY, EXTCODEHASH, BALANCE, SELFDESTRUCT) on {@code target}.
   */
  public static String toucher(String opcode, String target) {
    return Behaviours.TOUCHER + touch(opcode).hex() + bareAddress(target);
  }

  /** A toucher that CREATEs or CREATE2s a child with {@code childCode}, then calls it. */
  public static String creator(String opcode, String childCode) {
    return Behaviours.TOUCHER + touch(opcode).hex() + childCode.substring(2);
  }

  /** Creation data whose constructor performs {@code opcode} on {@code target}. */
  public static String constructorTouching(String opcode, String target) {
    return Behaviours.CONSTRUCTOR_TOUCH + touch(opcode).hex() + bareAddress(target);
  }

  /** Where a creation by {@code sender} with {@code nonce} lands. */
  public static String createdBy(String sender, long nonce) {
    return ContractAddress.of(Address.of(sender), nonce).hex();
  }

  /** Where a CREATE2 (salt 0) by {@code creator} of {@code initCode} lands. */
  public static String create2Address(String creator, String initCode) {
    return Behaviours.create2Address(Address.of(creator), Hash.ZERO, initCode).hex();
  }

  private static Behaviours.Touch touch(String opcode) {
    return Behaviours.Touch.valueOf(opcode.toUpperCase(Locale.ROOT));
  }

  private static String bareAddress(String address) {
    return Address.of(address).hex().substring(2);
  }

  private static String bare32(String hex) {
    String digits = hex.startsWith("0x") ? hex.substring(2) : hex;
    return "0".repeat(64 - digits.length()) + digits.toLowerCase(Locale.ROOT);
  }
}
