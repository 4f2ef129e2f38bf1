package dev.scopegate.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.scopegate.config.Config;
import dev.scopegate.jsonrpc.RpcError;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * With nothing to verify tokens by, every token is refused and the startup line names every way
 * to configure one.
 */
class RefusingVerifierTest {
  private static final List<String> KEYS = List.of("auth.jwt.publicKeyFile", "auth.jwt.jwksUrl",
      "auth.jwt.issuerUrl", "auth.introspection.clientId", "auth.introspection.endpoint");

  private final Logger logger = (Logger) LoggerFactory.getLogger(RefusingVerifier.class);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final Vertx vertx = Vertx.vertx();

  @BeforeEach
  void capture() {
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void release() {
    logger.detachAppender(lines);
    vertx.close();
  }

  @Test
  void nothingConfiguredRefusesTokensAndNamesEveryKeyThatWouldVerifyThem() {
    TokenVerifier verifier = TokenVerifiers.create(vertx, new Config.Auth("", jwt()));

    assertEquals(RpcError.INVALID_TOKEN, Await.error(verifier.verify("a.b.c")));
    ILoggingEvent line = only();
    assertEquals(Level.INFO, line.getLevel());
    KEYS.forEach(key ->
        assertTrue(line.getFormattedMessage().contains(key), line.getFormattedMessage()));
  }

  @Test
  void anIntrospectionClientWithoutAnEndpointIsAWarning() {
    Config.Introspection clientOnly = new Config.Introspection(Optional.empty(), "scopegate",
        "idp-secret-value", "client_secret_basic", 100, Duration.ofMinutes(5),
        Duration.ofSeconds(5));
    TokenVerifier verifier = TokenVerifiers.create(
        vertx, new Config.Auth("", jwt(), clientOnly, Optional.empty()));

    assertEquals(RpcError.INVALID_TOKEN, Await.error(verifier.verify("opaque")));
    ILoggingEvent line = only();
    assertEquals(Level.WARN, line.getLevel());
    assertTrue(line.getFormattedMessage().contains("clientId is set but no endpoint"),
        line.getFormattedMessage());
    assertFalse(line.getFormattedMessage().contains("idp-secret-value"),
        "no credential in the log");
  }

  private ILoggingEvent only() {
    assertEquals(1, lines.list.size(), lines.list.toString());
    return lines.list.get(0);
  }

  private static Config.Jwt jwt() {
    return new Config.Jwt(Optional.empty(), Optional.<URI>empty(), List.of(), List.of(),
        Duration.ofSeconds(30), Duration.ofSeconds(60), "", Optional.empty(), "scope", false);
  }
}
