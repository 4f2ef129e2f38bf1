package dev.scopegate.auth;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compact JWS read without trusting it: its header's algorithm and key id, and its claims. Only
 * asymmetric algorithms pass, so {@code none} and HMAC keyed with a public key never reach the
 * signature check.
 */
record JwtToken(String alg, Optional<String> kid, JsonNode claims) {
  private static final Logger LOG = LoggerFactory.getLogger(JwtToken.class);
  static final Set<String> ALGORITHMS =
      Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");
  // a repeated "alg" or "exp" could be read one way here and another way by the signature library
  private static final ObjectReader STRICT =
      Json.MAPPER.reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** Reads a token; fails {@code INVALID_TOKEN}, logging which part was wrong. */
  static JwtToken parse(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
      throw refused("not three non-empty dot-separated parts");
    }
    JsonNode header = object(parts[0], "header");
    JsonNode alg = header.path("alg");
    if (!alg.isTextual() || !ALGORITHMS.contains(alg.textValue())) {
      throw refused("header alg is not one of " + ALGORITHMS);
    }
    if (header.has("crit")) {
      throw refused("header has crit extensions");
    }
    JsonNode kid = header.path("kid");
    if (!kid.isMissingNode() && !kid.isTextual()) {
      throw refused("header kid is not a string");
    }
    return new JwtToken(
        alg.textValue(), Optional.ofNullable(kid.textValue()), object(parts[1], "payload"));
  }

  private static JsonNode object(String part, String what) {
    try {
      JsonNode node = STRICT.readTree(Base64.getUrlDecoder().decode(part));
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (IllegalArgumentException | IOException e) {
      // reported below, without the token
    }
    throw refused(what + " is not base64url-encoded JSON object without repeated keys");
  }

  static RpcException refused(String why) {
    LOG.debug("token refused: {}", why);
    return RpcError.INVALID_TOKEN.exception();
  }
}
