package dev.scopegate.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.jcajce.provider.digest.Keccak;

/**
 * A client-signed transaction as the node decodes it: a legacy one (which GoQuorum marks private
 * with v = 37 or 38, its input then the 64-byte payload hash), or an EIP-2718 typed one (type 1 or
 * 2, always public). Only a legacy transaction's signer is recovered: the private checks need it,
 * and only legacy transactions can be private.
 */
public final class SignedTransaction {
  private static final int PAYLOAD_HASH_BYTES = 64;

  private final Optional<String> to;
  private final byte[] data;
  private final BigInteger gas;
  private final BigInteger value;
  private final Optional<Rlp.Item> legacy;

  private SignedTransaction(
      Optional<String> to, byte[] data, BigInteger gas, BigInteger value, Optional<Rlp.Item> legacy) {
    this.to = to;
    this.data = data;
    this.gas = gas;
    this.value = value;
    this.legacy = legacy;
  }

  /** Decodes {@code 0x}-hex; what the node could not decode is invalid params. */
  public static SignedTransaction decode(String hex) {
    try {
      byte[] raw = HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex);
      if (raw.length > 0 && (raw[0] & 0xff) >= 0xc0) {
        return fields(Rlp.decode(raw), 9, 2, 3, 5, true);
      }
      if (raw.length > 0 && (raw[0] == 1 || raw[0] == 2)) {
        Rlp.Item body = Rlp.decode(Arrays.copyOfRange(raw, 1, raw.length));
        return raw[0] == 1 ? fields(body, 11, 3, 4, 6, false) : fields(body, 12, 4, 5, 7, false);
      }
    } catch (IllegalArgumentException | Rlp.MalformedException malformed) {
      throw invalid("not a signed transaction");
    }
    throw invalid("not a legacy, type 1 or type 2 transaction");
  }

  /** Gas, to, value, data: value always follows to. */
  private static SignedTransaction fields(
      Rlp.Item item, int count, int gasAt, int toAt, int dataAt, boolean isLegacy) {
    if (!item.isList() || item.items().size() != count) {
      throw invalid("wrong number of transaction fields");
    }
    Rlp.Item toField = item.items().get(toAt);
    Rlp.Item dataField = item.items().get(dataAt);
    if (toField.isList()
        || dataField.isList()
        || (toField.bytes().length != 0 && toField.bytes().length != 20)) {
      throw invalid("malformed to or data");
    }
    Optional<String> to =
        toField.bytes().length == 0
            ? Optional.empty()
            : Optional.of("0x" + HexFormat.of().formatHex(toField.bytes()));
    return new SignedTransaction(
        to,
        dataField.bytes(),
        integer(item.items().get(gasAt)),
        integer(item.items().get(toAt + 1)),
        isLegacy ? Optional.of(item) : Optional.empty());
  }

  public Optional<String> to() {
    return to;
  }

  /**
   * The transaction as a call to trace, running {@code input} (its data, or for a private one the
   * payload Tessera holds). The sender is the recovered signer of a legacy transaction; a typed
   * one's is not recovered and the trace runs from the zero address (the README states it).
   */
  public ObjectNode asCall(String input) {
    ObjectNode call = Json.MAPPER.createObjectNode();
    legacy.ifPresent(l -> call.put("from", signer()));
    to.ifPresent(address -> call.put("to", address));
    call.put("gas", "0x" + gas.toString(16));
    if (value.signum() != 0) {
      call.put("value", "0x" + value.toString(16));
    }
    return call.put("data", input);
  }

  /** The transaction's own data, as {@code 0x} hex. */
  public String dataHex() {
    return "0x" + HexFormat.of().formatHex(data);
  }

  /** GoQuorum's {@code IsPrivate}: a legacy transaction with v of 37 or 38. */
  public boolean isPrivate() {
    return legacy
        .map(
            item -> {
              BigInteger v = integer(item.items().get(6));
              return v.equals(BigInteger.valueOf(37)) || v.equals(BigInteger.valueOf(38));
            })
        .orElse(false);
  }

  /** A private transaction's input: the hash Tessera keeps its payload under. */
  public byte[] payloadHash() {
    if (data.length != PAYLOAD_HASH_BYTES) {
      throw invalid("a private transaction's data must be the 64-byte payload hash");
    }
    return data.clone();
  }

  /**
   * The address that signed a legacy transaction. v of 27/28 (and GoQuorum's private 37/38, signed
   * as homestead) covers the six fields; EIP-155's v = 35 + 2·chainId (+1) covers chainId, 0, 0
   * too.
   */
  public String signer() {
    Rlp.Item item = legacy.orElseThrow(() -> invalid("only legacy transactions are private"));
    List<Rlp.Item> f = item.items();
    long v = integer(f.get(6)).min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
    List<byte[]> signed = new ArrayList<>(f.subList(0, 6).stream().map(Rlp.Item::encoded).toList());
    int recoveryId;
    if (v == 27 || v == 28 || v == 37 || v == 38) {
      recoveryId = v % 2 == 1 ? 0 : 1;
    } else if (v >= 35) {
      long chainId = (v - 35) / 2;
      recoveryId = (int) ((v - 35) % 2);
      signed.add(Rlp.integer(BigInteger.valueOf(chainId)));
      signed.add(Rlp.integer(BigInteger.ZERO));
      signed.add(Rlp.integer(BigInteger.ZERO));
    } else {
      throw invalid("invalid signature v");
    }
    byte[] hash = new Keccak.Digest256().digest(Rlp.list(signed));
    return Secp256k1.signer(hash, recoveryId, integer(f.get(7)), integer(f.get(8)))
        .orElseThrow(() -> invalid("invalid signature"));
  }

  private static BigInteger integer(Rlp.Item field) {
    if (field.isList()) {
      throw invalid("a number field is a list");
    }
    return new BigInteger(1, field.bytes());
  }

  private static RpcException invalid(String why) {
    return RpcError.INVALID_PARAMS.withData(why);
  }
}
