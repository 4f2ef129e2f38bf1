package dev.scopegate.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an issuer's PEM {@code PUBLIC KEY} (RSA or EC). */
final class PemKeys {
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

  private PemKeys() {}

  /** Reads {@code file} (blocking: call it once, at startup); fails with a message naming it. */
  static VerificationKey read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException("auth.jwt.publicKeyFile " + file + ": cannot read: " + e);
    }
    return parse(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "auth.jwt.publicKeyFile "
                        + file
                        + ": not a PEM \"PUBLIC KEY\" holding an RSA or EC (P-256/384/521) key"));
  }

  static Optional<VerificationKey> parse(String pem) {
    Matcher m = PEM.matcher(pem);
    if (!m.find()) {
      return Optional.empty();
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(m.group(1).replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    for (String type : new String[] {"RSA", "EC"}) {
      try {
        PublicKey key = KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
        return VerificationKey.of(Optional.empty(), key);
      } catch (GeneralSecurityException e) {
        // try the next type
      }
    }
    return Optional.empty();
  }
}
