package dev.scopegate.devnode;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * GoQuorum's extension event {@code StateShared(address toExtend, string tesseraHash, string
 * uuid)}: emitted by the extension management contract when the extended contract's state has been
 * shared, {@code tesseraHash} naming (base64) the Tessera payload that carries it. Its data is the
 * standard ABI encoding of the three (non-indexed) arguments.
 */
public record StateSharedEvent(Address toExtend, String tesseraHash, String uuid) {
  public static final Hash TOPIC =
      Hash.keccak("StateShared(address,string,string)".getBytes(StandardCharsets.US_ASCII));
  private static final int WORD = 32;

  /** The log data: the address word, two offsets, then each string's length and bytes. */
  public String encode() {
    byte[] hash = tesseraHash.getBytes(StandardCharsets.UTF_8);
    byte[] id = uuid.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[12]);
    out.writeBytes(toExtend.bytes());
    out.writeBytes(word(3 * WORD));
    out.writeBytes(word(3 * WORD + WORD + padded(hash.length)));
    writeString(out, hash);
    writeString(out, id);
    return Hex.data(out.toByteArray());
  }

  public static StateSharedEvent decode(String data) {
    byte[] bytes = Hex.decodeData(data, null);
    Address address = Address.of(Arrays.copyOfRange(bytes, 12, WORD));
    return new StateSharedEvent(
        address, string(bytes, intAt(bytes, WORD)), string(bytes, intAt(bytes, 2 * WORD)));
  }

  private static void writeString(ByteArrayOutputStream out, byte[] text) {
    out.writeBytes(word(text.length));
    out.writeBytes(Arrays.copyOf(text, padded(text.length)));
  }

  private static String string(byte[] data, int offset) {
    int length = intAt(data, offset);
    return new String(data, offset + WORD, length, StandardCharsets.UTF_8);
  }

  private static int intAt(byte[] data, int offset) {
    return new BigInteger(1, Arrays.copyOfRange(data, offset, offset + WORD)).intValueExact();
  }

  private static byte[] word(long value) {
    byte[] magnitude = BigInteger.valueOf(value).toByteArray();
    byte[] word = new byte[WORD];
    int length = Math.min(magnitude.length, WORD);
    System.arraycopy(magnitude, magnitude.length - length, word, WORD - length, length);
    return word;
  }

  private static int padded(int length) {
    return (length + WORD - 1) / WORD * WORD;
  }
}
