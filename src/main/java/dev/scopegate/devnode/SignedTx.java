package dev.scopegate.devnode;

import java.math.BigInteger;
import java.security.SignatureException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

/**
 * A legacy (pre-EIP-2718) transaction as a client signs it, in RLP, with real secp256k1 signatures:
 * EIP-155 for public transactions, Homestead with {@code v} moved to 37/38 for GoQuorum's private
 * ones. Its hash is Keccak-256 of its RLP, as on a real chain. An unsigned one ({@code
 * eth_fillTransaction}) has {@code v = r = s = 0}.
 */
record SignedTx(
    long nonce,
    BigInteger gasPrice,
    long gas,
    Optional<Address> to,
    BigInteger value,
    String input,
    BigInteger v,
    BigInteger r,
    BigInteger s) {
  private static final BigInteger V37 = BigInteger.valueOf(37);
  private static final BigInteger V38 = BigInteger.valueOf(38);

  static SignedTx unsigned(
      long nonce,
      BigInteger gasPrice,
      long gas,
      Optional<Address> to,
      BigInteger value,
      String in) {
    return new SignedTx(
        nonce, gasPrice, gas, to, value, in, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
  }

  /** Decodes a raw transaction; failures read as go-ethereum's RLP errors. */
  static SignedTx decode(byte[] raw) {
    return TxRlpDecoder.decode(raw);
  }

  /**
   * Signs with {@code key}: a private transaction Homestead-style with {@code v} 37/38, as
   * GoQuorum's keystore signs it; a public one with EIP-155 for {@code chainId}.
   */
  SignedTx sign(ECKeyPair key, long chainId, boolean privateTx) {
    Sign.SignatureData signature =
        Sign.signMessage(privateTx ? homesteadPayload() : eip155Payload(chainId), key);
    long recovery = signature.getV()[0] - 27;
    long newV = privateTx ? 37 + recovery : chainId * 2 + 35 + recovery;
    return new SignedTx(
        nonce,
        gasPrice,
        gas,
        to,
        value,
        input,
        BigInteger.valueOf(newV),
        new BigInteger(1, signature.getR()),
        new BigInteger(1, signature.getS()));
  }

  boolean isPrivate() {
    return v.equals(V37) || v.equals(V38);
  }

  /** GoQuorum's {@code SetPrivate}: 28 becomes 38, anything else 37 (already private: as is). */
  SignedTx markPrivate() {
    if (isPrivate()) {
      return this;
    }
    BigInteger newV = v.equals(BigInteger.valueOf(28)) ? V38 : V37;
    return new SignedTx(nonce, gasPrice, gas, to, value, input, newV, r, s);
  }

  byte[] encode() {
    List<RlpType> items = fields();
    items.add(RlpString.create(v));
    items.add(RlpString.create(r));
    items.add(RlpString.create(s));
    return RlpEncoder.encode(new RlpList(items));
  }

  Hash hash() {
    return Hash.keccak(encode());
  }

  /**
   * The signer, as GoQuorum's signers recover it: {@code v} 27/28 Homestead, 37/38 private, {@code
   * chainId * 2 + 35/36} EIP-155; anything else (another chain's id included) is an invalid sender.
   */
  Address sender(long chainId) {
    long recovery;
    byte[] payload;
    long eip155 = chainId * 2 + 35;
    if (v.bitLength() > 62) {
      throw NodeError.INVALID_SENDER.exception();
    }
    long plainV = v.longValue();
    if (plainV == 27 || plainV == 28 || plainV == 37 || plainV == 38) {
      recovery = (plainV - 27) % 10;
      payload = homesteadPayload();
    } else if (plainV == eip155 || plainV == eip155 + 1) {
      recovery = plainV - eip155;
      payload = eip155Payload(chainId);
    } else {
      throw NodeError.INVALID_SENDER.exception();
    }
    try {
      Sign.SignatureData signature =
          new Sign.SignatureData((byte) (27 + recovery), word(r), word(s));
      BigInteger key = Sign.signedMessageHashToKey(Keccak.hash256(payload), signature);
      return Address.of("0x" + Keys.getAddress(key));
    } catch (SignatureException | RuntimeException e) {
      throw NodeError.INVALID_SENDER.exception();
    }
  }

  /** The transaction as the chain holds it, sent by {@code from}. */
  Transaction toTransaction(Address from) {
    return new Transaction(hash(), nonce, from, to, value, gas, gasPrice, input, v, r, s);
  }

  private byte[] homesteadPayload() {
    return RlpEncoder.encode(new RlpList(fields()));
  }

  private byte[] eip155Payload(long chainId) {
    List<RlpType> items = fields();
    items.add(RlpString.create(chainId));
    items.add(RlpString.create(0));
    items.add(RlpString.create(0));
    return RlpEncoder.encode(new RlpList(items));
  }

  private List<RlpType> fields() {
    List<RlpType> items = new ArrayList<>();
    items.add(RlpString.create(nonce));
    items.add(RlpString.create(gasPrice));
    items.add(RlpString.create(gas));
    items.add(RlpString.create(to.map(Address::bytes).orElse(new byte[0])));
    items.add(RlpString.create(value));
    items.add(RlpString.create(Hex.decodeData(input, null)));
    return items;
  }

  private static byte[] word(BigInteger value) {
    byte[] magnitude = value.toByteArray();
    if (magnitude.length > 33) {
      throw new IllegalArgumentException("more than 32 bytes");
    }
    byte[] word = new byte[32];
    int length = Math.min(magnitude.length, 32);
    System.arraycopy(magnitude, magnitude.length - length, word, 32 - length, length);
    return word;
  }
}
