package dev.scopegate.devnode;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.web3j.rlp.RlpDecoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

/**
 * Reads a raw legacy transaction (nine RLP strings in a list) as go-ethereum 1.9's {@code
 * rlp.DecodeBytes} does, with its error texts; a typed (EIP-2718) transaction is not a list, and
 * GoQuorum 21.x refuses it as one.
 */
final class TxRlpDecoder {
  private static final String TYPE = "types.txdata";

  private TxRlpDecoder() {}

  static SignedTx decode(byte[] raw) {
    if (raw.length == 0) {
      throw NodeError.RLP.exception("value size exceeds available input length");
    }
    if ((raw[0] & 0xff) < 0xc0) {
      throw NodeError.RLP.exception("expected input list for " + TYPE);
    }
    List<RlpType> top;
    try {
      top = RlpDecoder.decode(raw).getValues();
    } catch (RuntimeException e) {
      throw NodeError.RLP.exception("value size exceeds available input length");
    }
    if (top.size() != 1 || !(top.get(0) instanceof RlpList list)) {
      throw NodeError.RLP.exception("input contains more than one value");
    }
    List<RlpType> items = list.getValues();
    if (items.size() < 9) {
      throw NodeError.RLP.exception("too few elements for " + TYPE);
    }
    if (items.size() > 9) {
      throw NodeError.RLP.exception("input list has too many elements for " + TYPE);
    }
    return new SignedTx(
        uint64(items.get(0)),
        big(items.get(1)),
        uint64(items.get(2)),
        to(items.get(3)),
        big(items.get(4)),
        Hex.data(bytes(items.get(5))),
        big(items.get(6)),
        big(items.get(7)),
        big(items.get(8)));
  }

  private static byte[] bytes(RlpType item) {
    if (!(item instanceof RlpString string)) {
      throw NodeError.RLP.exception("expected input string or byte for " + TYPE);
    }
    return string.getBytes();
  }

  private static BigInteger big(RlpType item) {
    return new BigInteger(1, bytes(item));
  }

  /** Beyond a long is beyond any nonce or gas limit the chain accepts; the pool says so. */
  private static long uint64(RlpType item) {
    byte[] bytes = bytes(item);
    if (bytes.length > 8) {
      throw NodeError.RLP.exception(
          "input string too long for uint64, decoding into (" + TYPE + ")");
    }
    BigInteger value = new BigInteger(1, bytes);
    return value.bitLength() > 63 ? Long.MAX_VALUE : value.longValue();
  }

  private static Optional<Address> to(RlpType item) {
    byte[] bytes = bytes(item);
    if (bytes.length == 0) {
      return Optional.empty();
    }
    if (bytes.length != 20) {
      throw NodeError.RLP.exception("input string too short for common.Address");
    }
    return Optional.of(Address.of(bytes));
  }
}
