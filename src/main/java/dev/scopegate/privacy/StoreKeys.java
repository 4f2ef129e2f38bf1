package dev.scopegate.privacy;

import java.util.Locale;

/**
 * The index's keys. Readable strings (a one-letter kind, a colon, the lower-case hex the node uses)
 * so that a dump of the database explains itself; RocksDB's prefix compression of sorted keys makes
 * the shared prefixes nearly free. Block numbers are fixed-width hex so that they sort in number
 * order.
 */
final class StoreKeys {
  static final String META = "meta";
  static final String HEAD = "head";

  private StoreKeys() {}

  static String block(long number) {
    return "b:" + number(number);
  }

  static String undo(long number) {
    return "u:" + number(number);
  }

  static String contract(String address) {
    return "c:" + lower(address);
  }

  static String extender(String address) {
    return "x:" + lower(address);
  }

  static String rewritten(String address) {
    return "m:" + lower(address);
  }

  static String transaction(String hash) {
    return "t:" + lower(hash);
  }

  static String lower(String hex) {
    return hex.toLowerCase(Locale.ROOT);
  }

  private static String number(long number) {
    return String.format("%016x", number);
  }
}
