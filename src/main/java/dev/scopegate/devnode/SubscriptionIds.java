package dev.scopegate.devnode;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * go-ethereum's subscription ids: 16 random bytes as an RPC quantity, so {@code 0x} and up to 32
 * hex digits (leading zeros dropped, as {@code rpc.encodeID} does).
 */
final class SubscriptionIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SubscriptionIds() {}

  static String next() {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    String digits = HexFormat.of().formatHex(id).replaceFirst("^0+", "");
    return "0x" + (digits.isEmpty() ? "0" : digits);
  }
}
