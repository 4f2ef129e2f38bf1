package dev.scopegate.privacy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Reads the ABI encoding of event data: head words, and dynamic strings at the offsets they
 * name. Every read is bounds-checked; anything that does not fit throws {@link Malformed} —
 * the data comes from whoever emitted the log.
 */
final class Abi {
  private static final int WORD = 32;
  private static final int MAX_STRING = 1 << 16;

  private Abi() {}

  static final class Malformed extends RuntimeException {
    Malformed(String why) {
      super(why, null, false, false);
    }
  }

  /** The address in head word {@code index}: 12 zero bytes, then 20 bytes. */
  static String address(byte[] data, int index) {
    byte[] word = word(data, index * WORD);
    for (int i = 0; i < 12; i++) {
      if (word[i] != 0) {
        throw new Malformed("address word " + index + " has high bytes set");
      }
    }
    return "0x" + HexFormat.of().formatHex(word, 12, WORD);
  }

  /** The string whose offset is head word {@code index}. */
  static String string(byte[] data, int index) {
    int offset = small(word(data, index * WORD));
    int length = small(word(data, offset));
    int start = offset + WORD;
    if (length > MAX_STRING || start + length > data.length) {
      throw new Malformed("string of " + length + " bytes at " + offset + " runs past the data");
    }
    return new String(Arrays.copyOfRange(data, start, start + length), StandardCharsets.UTF_8);
  }

  private static byte[] word(byte[] data, int at) {
    if (at < 0 || at > data.length - WORD) {
      throw new Malformed("word at " + at + " runs past " + data.length + " bytes of data");
    }
    return Arrays.copyOfRange(data, at, at + WORD);
  }

  private static int small(byte[] word) {
    BigInteger value = new BigInteger(1, word);
    if (value.bitLength() > 30) {
      throw new Malformed("offset or length " + value + " is out of range");
    }
    return value.intValue();
  }
}
