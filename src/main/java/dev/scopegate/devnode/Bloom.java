package dev.scopegate.devnode;

import java.util.List;

/**
 * go-ethereum's 2048-bit log bloom: three bits per address and per topic, taken from the Keccak-256
 * of each, so that filters built by real clients match the dev node's receipts.
 */
final class Bloom {
  static final int BYTES = 256;

  private Bloom() {}

  static byte[] of(List<Log> logs) {
    byte[] bloom = new byte[BYTES];
    for (Log log : logs) {
      add(bloom, log.address().bytes());
      log.topics().forEach(topic -> add(bloom, topic.bytes()));
    }
    return bloom;
  }

  static byte[] or(byte[] into, byte[] other) {
    for (int i = 0; i < BYTES; i++) {
      into[i] |= other[i];
    }
    return into;
  }

  private static void add(byte[] bloom, byte[] item) {
    byte[] hash = Keccak.hash256(item);
    for (int i = 0; i < 6; i += 2) {
      int bit = ((hash[i] & 0xff) << 8 | (hash[i + 1] & 0xff)) & 0x7ff;
      bloom[BYTES - 1 - bit / 8] |= (byte) (1 << (bit % 8));
    }
  }
}
