package dev.scopegate.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.scopegate.jsonrpc.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An issuer for the demo and tests: holds an RSA key pair, publishes its public key as PEM and
 * mints RS256 tokens. Not for production, where tokens come from an identity provider.
 */
public final class TokenMinter {
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final byte[] HEADER =
      "{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8);

  private final KeyPair keys;
  private final Clock clock;

  public TokenMinter(KeyPair keys) {
    this(keys, Clock.systemUTC());
  }

  TokenMinter(KeyPair keys, Clock clock) {
    if (!(keys.getPublic() instanceof RSAPublicKey)) {
      throw new IllegalArgumentException("TokenMinter needs an RSA key pair");
    }
    this.keys = keys;
    this.clock = clock;
  }

  /** A minter with a fresh 2048-bit RSA key pair. */
  public static TokenMinter generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new TokenMinter(generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is required of every JVM", e);
    }
  }

  /** The public key as a PEM {@code PUBLIC KEY}, as {@code auth.jwt.publicKeyFile} reads it. */
  public String publicKeyPem() {
    return new VerificationKey(Optional.empty(), keys.getPublic(), List.of()).pem();
  }

  /** Writes {@link #publicKeyPem()} to {@code file} (blocking: for startup, off the event loop). */
  public void writePublicKeyPem(Path file) throws IOException {
    Files.writeString(file, publicKeyPem(), StandardCharsets.US_ASCII);
  }

  /**
   * A token for {@code subject} carrying {@code scopes} (as a space-separated {@code scope}),
   * issued now and expiring after {@code ttl}; {@code extra} claims are added as given.
   */
  public String mint(String subject, List<String> scopes, Duration ttl, Map<String, ?> extra) {
    long now = clock.instant().getEpochSecond();
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("sub", subject);
    claims.put("scope", String.join(" ", scopes));
    claims.put("iat", now);
    claims.put("exp", now + ttl.toSeconds());
    claims.putAll(extra);
    return mint(claims);
  }

  /** A token with exactly {@code claims} (serialised with Jackson). */
  public String mint(Map<String, ?> claims) {
    try {
      byte[] payload = Json.MAPPER.writeValueAsBytes(claims);
      String input = B64URL.encodeToString(HEADER) + "." + B64URL.encodeToString(payload);
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(keys.getPrivate());
      rs256.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64URL.encodeToString(rs256.sign());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with the minter's key", e);
    }
  }
}
