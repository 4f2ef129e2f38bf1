package dev.scopegate.devnode;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The address of a contract created by {@code sender} at {@code nonce}: the last 20 bytes of
 * keccak256(rlp([sender, nonce])), exactly as on a real chain, so tools that predict contract
 * addresses agree with the dev node.
 */
final class ContractAddress {
  private ContractAddress() {}

  static Address of(Address sender, long nonce) {
    byte[] nonceItem = rlpScalar(nonce);
    ByteArrayOutputStream list = new ByteArrayOutputStream();
    list.write(0xc0 + 21 + nonceItem.length); // the payload is always shorter than 56 bytes
    list.write(0x80 + 20);
    list.writeBytes(sender.bytes());
    list.writeBytes(nonceItem);
    byte[] hash = Keccak.hash256(list.toByteArray());
    return Address.of(Arrays.copyOfRange(hash, 12, 32));
  }

  private static byte[] rlpScalar(long value) {
    if (value == 0) {
      return new byte[] {(byte) 0x80};
    }
    if (value < 0x80) {
      return new byte[] {(byte) value};
    }
    byte[] magnitude = BigInteger.valueOf(value).toByteArray();
    int skip = magnitude[0] == 0 ? 1 : 0;
    byte[] item = new byte[magnitude.length - skip + 1];
    item[0] = (byte) (0x80 + item.length - 1);
    System.arraycopy(magnitude, skip, item, 1, item.length - 1);
    return item;
  }
}
