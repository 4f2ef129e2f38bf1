package dev.scopegate.codec;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RLP (Ethereum Yellow Paper, appendix B), as much as reading a signed transaction needs. Written
 * here because web3j is not a main dependency and Bouncy Castle has no RLP. It is as strict as
 * geth's decoder (canonical sizes, nothing truncated, nothing trailing), so that what it reads is
 * what the node reads; anything else is refused, never guessed at.
 */
public final class Rlp {
  private Rlp() {}

  /** A byte string or a list of items, with the item's whole encoding (header included). */
  public record Item(byte[] bytes, List<Item> items, byte[] encoded) {
    boolean isList() {
      return items != null;
    }
  }

  /** Malformed RLP. */
  public static final class MalformedException extends RuntimeException {
    MalformedException(String message) {
      super(message, null, false, false);
    }
  }

  /** The single item {@code input} encodes; trailing bytes are malformed. */
  public static Item decode(byte[] input) {
    int[] end = new int[1];
    Item item = item(input, 0, input.length, end);
    if (end[0] != input.length) {
      throw new MalformedException("trailing bytes after the item");
    }
    return item;
  }

  private static Item item(byte[] in, int pos, int limit, int[] end) {
    if (pos >= limit) {
      throw new MalformedException("truncated");
    }
    int prefix = in[pos] & 0xff;
    if (prefix < 0x80) {
      end[0] = pos + 1;
      return new Item(new byte[] {in[pos]}, null, Arrays.copyOfRange(in, pos, pos + 1));
    }
    boolean list = prefix >= 0xc0;
    int shortBase = list ? 0xc0 : 0x80;
    int start;
    int length;
    if (prefix <= shortBase + 55) {
      start = pos + 1;
      length = prefix - shortBase;
    } else {
      int lengthOfLength = prefix - shortBase - 55;
      start = pos + 1 + lengthOfLength;
      length = longLength(in, pos + 1, lengthOfLength, limit);
    }
    if (length > limit - start) {
      throw new MalformedException("truncated");
    }
    end[0] = start + length;
    byte[] encoded = Arrays.copyOfRange(in, pos, end[0]);
    if (!list) {
      if (length == 1 && (in[start] & 0xff) < 0x80) {
        throw new MalformedException("non-canonical single byte");
      }
      return new Item(Arrays.copyOfRange(in, start, end[0]), null, encoded);
    }
    List<Item> items = new ArrayList<>();
    int[] next = {start};
    while (next[0] < end[0]) {
      items.add(item(in, next[0], end[0], next));
    }
    return new Item(null, List.copyOf(items), encoded);
  }

  private static int longLength(byte[] in, int pos, int lengthOfLength, int limit) {
    if (lengthOfLength > 4 || pos + lengthOfLength > limit) {
      throw new MalformedException("truncated or oversized length");
    }
    if (in[pos] == 0) {
      throw new MalformedException("non-canonical length");
    }
    long length = 0;
    for (int i = 0; i < lengthOfLength; i++) {
      length = (length << 8) | (in[pos + i] & 0xff);
    }
    if (length <= 55 || length > Integer.MAX_VALUE) {
      throw new MalformedException("non-canonical length");
    }
    return (int) length;
  }

  /** A list of already encoded items. */
  public static byte[] list(List<byte[]> encodedItems) {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    encodedItems.forEach(payload::writeBytes);
    return withHeader(0xc0, payload.toByteArray());
  }

  /** An unsigned integer, minimal big-endian (zero is the empty string). */
  public static byte[] integer(BigInteger value) {
    byte[] bytes = value.toByteArray();
    int skip = 0;
    while (skip < bytes.length && bytes[skip] == 0) {
      skip++;
    }
    byte[] minimal = Arrays.copyOfRange(bytes, skip, bytes.length);
    if (minimal.length == 1 && (minimal[0] & 0xff) < 0x80) {
      return minimal;
    }
    return withHeader(0x80, minimal);
  }

  private static byte[] withHeader(int base, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (payload.length <= 55) {
      out.write(base + payload.length);
    } else {
      byte[] length = BigInteger.valueOf(payload.length).toByteArray();
      int skip = length[0] == 0 ? 1 : 0;
      out.write(base + 55 + length.length - skip);
      out.write(length, skip, length.length - skip);
    }
    out.writeBytes(payload);
    return out.toByteArray();
  }
}
