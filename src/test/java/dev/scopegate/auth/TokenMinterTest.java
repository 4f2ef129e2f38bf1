package dev.scopegate.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.config.Config;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What the demo mints, the verifier accepts through the PEM file the minter wrote. */
@ExtendWith(VertxExtension.class)
class TokenMinterTest {

  @Test
  void mintedTokensVerifyAgainstTheWrittenPem(Vertx vertx, @TempDir Path dir) throws IOException {
    TokenMinter minter = TokenMinter.generate();
    Path pem = dir.resolve("issuer.pem");
    minter.writePublicKeyPem(pem);
    Config.Jwt jwt =
        new Config.Jwt(
            Optional.of(pem),
            Optional.empty(),
            List.of("demo"),
            List.of("scopegate"),
            Duration.ofSeconds(30),
            Duration.ofSeconds(60),
            "tenancy");
    TokenVerifier verifier = TokenVerifiers.create(vertx, jwt);

    String token =
        minter.mint(
            "alice",
            List.of("rpc://eth_*", "rpc://net_version"),
            Duration.ofMinutes(10),
            Map.of("iss", "demo", "aud", "scopegate", "tenancy", Map.of("tenant_id", "acme")));
    Principal principal = Await.result(verifier.verify(token));

    assertEquals("alice", principal.subject());
    assertEquals(Optional.of("acme"), principal.tenantId());
    assertTrue(principal.mayCall("eth_chainId"));
    assertTrue(principal.mayCall("net_version"));
    assertTrue(!principal.mayCall("admin_peers"));
  }

  @Test
  void publicKeyPemIsAPublicKey() {
    TokenMinter minter = TokenMinter.generate();

    assertTrue(minter.publicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----\n"));
    assertTrue(PemKeys.parse(minter.publicKeyPem()).isPresent());
  }
}
