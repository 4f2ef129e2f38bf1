package dev.scopegate.codec;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.jcajce.provider.digest.Keccak;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Who signed: the Ethereum address whose key made an ECDSA signature over a hash (public key
 * recovery, SEC 1 v2 section 4.1.6), with the bounds geth applies to transaction signatures ({@code
 * r}, {@code s} in range, {@code s} in the lower half).
 */
public final class Secp256k1 {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final BigInteger N = CURVE.getN();
  private static final BigInteger HALF_N = N.shiftRight(1);

  private Secp256k1() {}

  /** The signer's address (lower-case 0x hex); empty when the signature is not a valid one. */
  public static Optional<String> signer(byte[] hash, int recoveryId, BigInteger r, BigInteger s) {
    if ((recoveryId & ~1) != 0
        || r.signum() <= 0
        || r.compareTo(N) >= 0
        || s.signum() <= 0
        || s.compareTo(HALF_N) > 0) {
      return Optional.empty();
    }
    Optional<ECPoint> point = decompress(r, recoveryId);
    if (point.isEmpty()) {
      return Optional.empty();
    }
    BigInteger e = new BigInteger(1, hash);
    BigInteger rInverse = r.modInverse(N);
    ECPoint q =
        ECAlgorithms.sumOfTwoMultiplies(
                CURVE.getG(), e.negate().mod(N).multiply(rInverse).mod(N),
                point.get(), s.multiply(rInverse).mod(N))
            .normalize();
    if (q.isInfinity()) {
      return Optional.empty();
    }
    byte[] publicKey = q.getEncoded(false);
    byte[] digest =
        new Keccak.Digest256().digest(Arrays.copyOfRange(publicKey, 1, publicKey.length));
    return Optional.of("0x" + HexFormat.of().formatHex(digest, 12, 32));
  }

  /** The curve point with x = r and y's parity from the recovery id (r < n < p on secp256k1). */
  private static Optional<ECPoint> decompress(BigInteger r, int recoveryId) {
    byte[] x = r.toByteArray();
    byte[] compressed = new byte[33];
    compressed[0] = (byte) (0x02 + recoveryId);
    int length = Math.min(x.length, 32);
    System.arraycopy(x, x.length - length, compressed, 33 - length, length);
    try {
      return Optional.of(CURVE.getCurve().decodePoint(compressed));
    } catch (IllegalArgumentException notOnCurve) {
      return Optional.empty();
    }
  }
}
