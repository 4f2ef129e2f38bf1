package dev.scopegate.isolation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Filter ids bound to the tenant that created them. The id a tenant sees is the hex quantity of
 * {@code [0x01][node's id, UTF-8][HMAC-SHA256(secret, 0x01 ‖ owner ‖ node's id), 16 bytes]}: the
 * node's id is kept verbatim (geth's ids are odd-length hex, so no other form round-trips), and
 * the leading version byte makes the quantity free of leading zeros. Stateless, so replicas that
 * share the secret accept each other's ids.
 */
public final class FilterIds {
  private static final byte VERSION = 0x01;
  private static final int MAC_BYTES = 16;
  private static final int SECRET_BYTES = 32;
  /** Far above geth's 34 characters; bounds the work an invented id can cause. */
  private static final int MAX_HEX_DIGITS = 512;
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  public FilterIds(byte[] secret) {
    if (secret.length == 0) {
      throw new IllegalArgumentException("filter id secret is empty");
    }
    this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
  }

  /** {@code server.filterIdSecret} (its UTF-8 bytes); empty: 32 random bytes for this process. */
  public static FilterIds fromConfig(String secret) {
    if (!secret.isEmpty()) {
      return new FilterIds(secret.getBytes(StandardCharsets.UTF_8));
    }
    byte[] random = new byte[SECRET_BYTES];
    new SecureRandom().nextBytes(random);
    return new FilterIds(random);
  }

  /** The id {@code owner} sees for the node's filter {@code nodeId}. */
  public String issue(String owner, String nodeId) {
    byte[] node = nodeId.getBytes(StandardCharsets.UTF_8);
    byte[] id = ByteBuffer.allocate(1 + node.length + MAC_BYTES)
        .put(VERSION)
        .put(node)
        .put(mac(owner, node))
        .array();
    return "0x" + HexFormat.of().formatHex(id).substring(1); // drops the version's leading zero
  }

  /**
   * The node's id behind {@code clientId} when {@code owner} was issued it; empty for anything
   * else (not an id of ours, another owner's, altered, another secret's). Accepts the id as any
   * client re-sends a quantity: leading zeros dropped or added, either case.
   */
  public Optional<String> redeem(String owner, String clientId) {
    return decode(clientId).flatMap(id -> {
      if (id.length <= 1 + MAC_BYTES || id[0] != VERSION) {
        return Optional.empty();
      }
      byte[] node = Arrays.copyOfRange(id, 1, id.length - MAC_BYTES);
      byte[] presented = Arrays.copyOfRange(id, id.length - MAC_BYTES, id.length);
      return MessageDigest.isEqual(presented, mac(owner, node))
          ? Optional.of(new String(node, StandardCharsets.UTF_8))
          : Optional.empty();
    });
  }

  private static Optional<byte[]> decode(String quantity) {
    if (quantity.length() < 3 || quantity.charAt(0) != '0' || (quantity.charAt(1) != 'x' && quantity.charAt(1) != 'X')) {
      return Optional.empty();
    }
    String digits = quantity.substring(2).toLowerCase(Locale.ROOT).replaceFirst("^0+", "");
    if (digits.isEmpty() || digits.length() > MAX_HEX_DIGITS) {
      return Optional.empty();
    }
    try {
      return Optional.of(HexFormat.of().parseHex(digits.length() % 2 == 0 ? digits : "0" + digits));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private byte[] mac(String owner, byte[] node) {
    byte[] ownerBytes = owner.getBytes(StandardCharsets.UTF_8);
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(VERSION);
      // the owner's length keeps (owner, node id) pairs from running into each other
      mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(ownerBytes.length).array());
      mac.update(ownerBytes);
      mac.update(node);
      return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
