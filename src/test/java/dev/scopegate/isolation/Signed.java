package dev.scopegate.isolation;

import java.math.BigInteger;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/** Transactions signed by a client's own key, as web3j (and web3js-quorum, for v = 37/38) sign. */
final class Signed {
  static final Credentials ALICE =
      Credentials.create("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
  static final Credentials BOB =
      Credentials.create("0x8da4ef21b864d2cc526dbdb2a120bd2874c36c9d0a1fb7f8c63d7f7a8b41de8f");
  private static final BigInteger GAS = BigInteger.valueOf(4_700_000);

  private Signed() {}

  /** Homestead (v = 27/28), to {@code to} or a creation when null. */
  static String legacy(Credentials key, String to, String data) {
    return Numeric.toHexString(TransactionEncoder.signMessage(tx(to, data), key));
  }

  static String eip155(Credentials key, long chainId, String to, String data) {
    return Numeric.toHexString(TransactionEncoder.signMessage(tx(to, data), chainId, key));
  }

  /** GoQuorum's private form: signed as homestead, v raised by 10 to 37/38. */
  static String privately(Credentials key, String to, String payloadHashHex) {
    return withV(key, to, payloadHashHex, 10, false);
  }

  /**
   * A homestead signature with s replaced by n - s (and v flipped): valid maths, refused by geth.
   */
  static String highS(Credentials key, String to, String data) {
    return withV(key, to, data, 0, true);
  }

  /** EIP-1559 (type 2). */
  static String typed(Credentials key, long chainId, String to) {
    RawTransaction tx =
        RawTransaction.createTransaction(
            chainId,
            BigInteger.ZERO,
            GAS,
            to,
            BigInteger.ZERO,
            "0x",
            BigInteger.ONE,
            BigInteger.TEN);
    return Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, key));
  }

  private static String withV(Credentials key, String to, String data, int raise, boolean flipS) {
    RawTransaction tx = tx(to, data);
    Sign.SignatureData sig = Sign.signMessage(TransactionEncoder.encode(tx), key.getEcKeyPair());
    int v = sig.getV()[0] + raise;
    byte[] s = sig.getS();
    if (flipS) {
      BigInteger n = Sign.CURVE_PARAMS.getN();
      s = Numeric.toBytesPadded(n.subtract(Numeric.toBigInt(s)), 32);
      v = v == 27 ? 28 : 27;
    }
    return Numeric.toHexString(
        TransactionEncoder.encode(tx, new Sign.SignatureData((byte) v, sig.getR(), s)));
  }

  private static RawTransaction tx(String to, String data) {
    return to == null
        ? RawTransaction.createContractTransaction(
            BigInteger.ZERO, BigInteger.ZERO, GAS, BigInteger.ZERO, data)
        : RawTransaction.createTransaction(
            BigInteger.ZERO, BigInteger.ZERO, GAS, to, BigInteger.ZERO, data);
  }
}
