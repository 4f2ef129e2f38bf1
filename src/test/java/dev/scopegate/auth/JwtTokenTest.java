package dev.scopegate.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The header allow-list, checked before any key is consulted. */
class JwtTokenTest {

  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(strings = {"none", "None", "NONE", "HS256", "HS384", "HS512", "EdDSA", "ES256K", ""})
  void onlyAsymmetricAlgorithmsPass(String alg) {
    String token = TestTokens.token(Instant.now()).withSignature(alg, "c2ln");

    RpcException refused = assertThrows(RpcException.class, () -> JwtToken.parse(token));
    assertEquals(RpcError.INVALID_TOKEN, refused.error());
  }

  @ParameterizedTest(name = "{0} passes")
  @ValueSource(
      strings = {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"})
  void asymmetricAlgorithmsPassWithTheirKid(String alg) {
    String token = TestTokens.token(Instant.now()).header("kid", "k1").withSignature(alg, "c2ln");

    JwtToken parsed = JwtToken.parse(token);

    assertEquals(alg, parsed.alg());
    assertEquals(Optional.of("k1"), parsed.kid());
    assertEquals("alice", parsed.claims().path("sub").textValue());
  }
}
