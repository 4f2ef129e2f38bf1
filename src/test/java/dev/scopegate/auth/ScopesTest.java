package dev.scopegate.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopesTest {
  private static final String PRIVATE =
      "private://0x0/_/contracts?owned.eoa=0x0&from.tm="
          + "BULeR8JyUWhiuuCMU%2FHLA0Q5pzkYT%2BcHII3ZKBey3Bo%3D";

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{\"scope\": \"rpc://eth_* openid  rpc://net_version PRIVATE\"}",
        "{\"scope\": [\"rpc://eth_*\", \"openid\", \"rpc://net_version\", \"PRIVATE\"]}",
        "{\"scp\": \"rpc://eth_* openid rpc://net_version PRIVATE\"}",
        "{\"scp\": [\"rpc://eth_*\", \"openid\", \"rpc://net_version\", \"PRIVATE\"]}",
        "{\"scope\": \"rpc://eth_* openid\", \"scp\": [\"rpc://net_version\", \"PRIVATE\"]}",
      })
  void scopeOrScpAsStringOrArray(String claims) {
    Scopes scopes = Scopes.fromClaims(json(claims.replace("PRIVATE", PRIVATE)));

    assertEquals(
        List.of(new RpcGrant("eth", "*"), new RpcGrant("net", "version")), scopes.rpcGrants());
    assertEquals(1, scopes.privateGrants().size());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{}",
        "{\"scope\": 42}",
        "{\"scope\": {\"rpc\": \"rpc://\"}}",
        "{\"scope\": [42, null]}",
        "{\"scope\": \"openid profile\"}",
        "{\"scopes\": \"rpc://\"}"
      })
  void noUsableScopeGrantsNothing(String claims) {
    Scopes scopes = Scopes.fromClaims(json(claims));

    assertTrue(scopes.rpcGrants().isEmpty());
    assertTrue(scopes.privateGrants().isEmpty());
  }

  @Test
  void repeatedScopesCountOnce() {
    Scopes scopes =
        Scopes.fromClaims(json("{\"scope\": \"rpc://eth_*\", \"scp\": [\"rpc://eth_*\"]}"));

    assertEquals(List.of(new RpcGrant("eth", "*")), scopes.rpcGrants());
  }

  private static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
