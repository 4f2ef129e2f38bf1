package dev.scopegate.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints JWTs by hand — header, payload and signature built here with {@code java.security} — so
 * that tests can make tokens no well-behaved library would: unsigned, HMAC-signed with a public
 * key, with repeated header keys, tampered signatures and any claims.
 */
final class TestTokens {
  static final String ISSUER = "https://idp.test/";
  static final String AUDIENCE = "scopegate";
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private TestTokens() {}

  static KeyPair rsa() {
    return generate("RSA", null);
  }

  /** An EC key pair on {@code curve} ({@code secp256r1}, {@code secp384r1}, {@code secp521r1}). */
  static KeyPair ec(String curve) {
    return generate("EC", new ECGenParameterSpec(curve));
  }

  static String pem(PublicKey key) {
    return new VerificationKey(Optional.empty(), key, List.of()).pem();
  }

  /** The public JWK of {@code key} (RSA or EC), with {@code kid}. */
  static ObjectNode jwk(PublicKey key, String kid) {
    ObjectNode jwk = Json.MAPPER.createObjectNode().put("kid", kid).put("use", "sig");
    if (key instanceof RSAPublicKey rsa) {
      return jwk.put("kty", "RSA")
          .put("n", unsigned(rsa.getModulus(), 0))
          .put("e", unsigned(rsa.getPublicExponent(), 0));
    }
    ECPublicKey ec = (ECPublicKey) key;
    int bits = ec.getParams().getCurve().getField().getFieldSize();
    int size = (bits + 7) / 8;
    return jwk.put("kty", "EC")
        .put("crv", bits == 521 ? "P-521" : "P-" + bits)
        .put("x", unsigned(ec.getW().getAffineX(), size))
        .put("y", unsigned(ec.getW().getAffineY(), size));
  }

  static String jwks(JsonNode... keys) {
    ArrayNode array = Json.MAPPER.createArrayNode().addAll(Arrays.asList(keys));
    return Json.string(Json.MAPPER.createObjectNode().set("keys", array));
  }

  /** A token valid at {@code now}: right issuer and audience, five minutes to live. */
  static Builder token(Instant now) {
    return new Builder()
        .claim("sub", "alice")
        .claim("iss", ISSUER)
        .claim("aud", AUDIENCE)
        .claim("iat", now.getEpochSecond())
        .claim("exp", now.getEpochSecond() + 300);
  }

  static final class Builder {
    private final ObjectNode header = Json.MAPPER.createObjectNode().put("typ", "JWT");
    private final ObjectNode claims = Json.MAPPER.createObjectNode();
    private String rawHeader;
    private String rawClaims;

    Builder header(String name, Object value) {
      header.set(name, Json.MAPPER.valueToTree(value));
      return this;
    }

    /**
     * Uses {@code json} verbatim as the header (for repeated keys); {@code alg} is ignored then.
     */
    Builder rawHeader(String json) {
      rawHeader = json;
      return this;
    }

    /** Uses {@code json} verbatim as the payload (for repeated keys). */
    Builder rawClaims(String json) {
      rawClaims = json;
      return this;
    }

    Builder claim(String name, Object value) {
      claims.set(name, Json.MAPPER.valueToTree(value));
      return this;
    }

    Builder without(String claim) {
      claims.remove(claim);
      return this;
    }

    /** Signed with {@code key} under {@code alg} (RS*, PS*, ES*). */
    String sign(String alg, PrivateKey key) {
      String input = input(alg);
      try {
        Signature signature = signature(alg);
        signature.initSign(key);
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64URL.encodeToString(signature.sign());
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /** HMAC-signed under {@code alg} (HS*) with {@code secret}. */
    String hmac(String alg, byte[] secret) {
      String input = input(alg);
      String name = "HmacSHA" + alg.substring(2);
      try {
        Mac mac = Mac.getInstance(name);
        mac.init(new SecretKeySpec(secret, name));
        return input
            + "."
            + B64URL.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Header and payload under {@code alg}, then {@code signature} as given (may be empty). */
    String withSignature(String alg, String signature) {
      return input(alg) + "." + signature;
    }

    private String input(String alg) {
      header.put("alg", alg);
      String head = rawHeader != null ? rawHeader : Json.string(header);
      String payload = rawClaims != null ? rawClaims : Json.string(claims);
      return B64URL.encodeToString(head.getBytes(StandardCharsets.UTF_8))
          + "."
          + B64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** {@code token} with one signature byte changed. */
  static String tamper(String token) {
    int dot = token.lastIndexOf('.');
    byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    signature[signature.length / 2] ^= 0x01;
    return token.substring(0, dot + 1) + B64URL.encodeToString(signature);
  }

  static String base64url(String text) {
    return B64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Signature signature(String alg) throws GeneralSecurityException {
    String bits = alg.substring(2);
    return switch (alg.substring(0, 2)) {
      case "RS" -> Signature.getInstance("SHA" + bits + "withRSA");
      case "ES" -> Signature.getInstance("SHA" + bits + "withECDSAinP1363Format");
      case "PS" -> {
        Signature pss = Signature.getInstance("RSASSA-PSS");
        String digest = "SHA-" + bits;
        pss.setParameter(
            new PSSParameterSpec(
                digest, "MGF1", new MGF1ParameterSpec(digest), Integer.parseInt(bits) / 8, 1));
        yield pss;
      }
      default -> throw new IllegalArgumentException(alg);
    };
  }

  private static KeyPair generate(String type, ECGenParameterSpec spec) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
      if (spec == null) {
        generator.initialize(2048);
      } else {
        generator.initialize(spec);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Big-endian magnitude, left-padded to {@code size} bytes (0: minimal). */
  private static String unsigned(BigInteger value, int size) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    if (bytes.length < size) {
      byte[] padded = new byte[size];
      System.arraycopy(bytes, 0, padded, size - bytes.length, bytes.length);
      bytes = padded;
    }
    return B64URL.encodeToString(bytes);
  }
}
