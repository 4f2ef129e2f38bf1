package dev.scopegate.devnode;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The ABI encoding of the few types extension events and calls use: address, bool and string.
 * Head words first (a dynamic string's head is its offset), then each string's length and padded
 * bytes. Decoding throws {@link IllegalArgumentException} on data that does not fit.
 */
final class AbiCodec {
  static final int WORD = 32;

  private AbiCodec() {}

  static String encode(Object... values) {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    ByteArrayOutputStream tail = new ByteArrayOutputStream();
    for (Object value : values) {
      if (value instanceof Address address) {
        head.writeBytes(new byte[12]);
        head.writeBytes(address.bytes());
      } else if (value instanceof Boolean bool) {
        head.writeBytes(word(bool ? 1 : 0));
      } else if (value instanceof String text) {
        head.writeBytes(word((long) values.length * WORD + tail.size()));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        tail.writeBytes(word(bytes.length));
        tail.writeBytes(Arrays.copyOf(bytes, (bytes.length + WORD - 1) / WORD * WORD));
      } else {
        throw new IllegalArgumentException("no ABI encoding for " + value);
      }
    }
    head.writeBytes(tail.toByteArray());
    return Hex.data(head.toByteArray());
  }

  static Address address(byte[] data, int index) {
    return Address.of(Arrays.copyOfRange(word(data, index * WORD), 12, WORD));
  }

  static boolean bool(byte[] data, int index) {
    BigInteger value = new BigInteger(1, word(data, index * WORD));
    if (value.compareTo(BigInteger.ONE) > 0) {
      throw new IllegalArgumentException("not a bool");
    }
    return value.signum() == 1;
  }

  static String string(byte[] data, int index) {
    int offset = small(word(data, index * WORD));
    int length = small(word(data, offset));
    if (offset + WORD + length > data.length) {
      throw new IllegalArgumentException("string runs past the data");
    }
    return new String(data, offset + WORD, length, StandardCharsets.UTF_8);
  }

  /** The words of {@code data} after a 4-byte selector. */
  static byte[] arguments(byte[] call) {
    return Arrays.copyOfRange(call, 4, call.length);
  }

  private static byte[] word(byte[] data, int at) {
    if (at < 0 || at + WORD > data.length) {
      throw new IllegalArgumentException("word out of range");
    }
    return Arrays.copyOfRange(data, at, at + WORD);
  }

  private static int small(byte[] word) {
    BigInteger value = new BigInteger(1, word);
    if (value.bitLength() > 30) {
      throw new IllegalArgumentException("offset or length out of range");
    }
    return value.intValue();
  }

  private static byte[] word(long value) {
    byte[] magnitude = BigInteger.valueOf(value).toByteArray();
    byte[] word = new byte[WORD];
    int length = Math.min(magnitude.length, WORD);
    System.arraycopy(magnitude, magnitude.length - length, word, WORD - length, length);
    return word;
  }
}
