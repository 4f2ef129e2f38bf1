package dev.scopegate.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tenant registry file: its one shape, and the mistakes it refuses rather than ignores. */
class TenantFileTest {

  @Test
  void scopesAsAListOrOneStringBecomeGrants() {
    Map<String, Scopes> tenants = parse("""
        tenants:
          acme:
            scopes: ["rpc://eth_*", "private://0x0/_/contracts?owned.eoa=0x0&from.tm=QUJD"]
          globex:
            scopes: "rpc://eth_chainId  rpc://net_version"
        """);
    assertEquals(1, tenants.get("acme").rpcGrants().size());
    assertEquals(1, tenants.get("acme").privateGrants().size());
    assertEquals(2, tenants.get("globex").rpcGrants().size());
    assertTrue(tenants.get("globex").privateGrants().isEmpty());
  }

  @Test
  void mistakesAreRefusedNamingWhere() {
    assertRefused("acme:\n  scopes: []\n", "tenants:");
    assertRefused("tenants:\n  \"*\":\n    scopes: [\"rpc://\"]\n", "'*'");
    assertRefused("tenants:\n  acme:\n    scope: [\"rpc://\"]\n", "tenant acme");
    assertRefused("tenants:\n  acme:\n    scopes: [1]\n", "tenant acme");
    assertRefused("tenants:\n  acme:\n    scopes: []\n  acme:\n    scopes: []\n", "not YAML");
  }

  @Test
  void aTenantMayHaveItsOwnLimitsAndMistakesInThemAreRefused() {
    TenantFile.Registered registered = TenantFile.read("""
        tenants:
          acme:
            scopes: "rpc://eth_*"
            limits: { requestsPerSecond: 5, concurrent: 2 }
          globex:
            scopes: "rpc://eth_*"
        """.getBytes(StandardCharsets.UTF_8));
    assertEquals(new dev.scopegate.limits.LimitSet(5, 0, 2, 0),
        registered.limits().get("acme").over(dev.scopegate.limits.LimitSet.OFF));
    assertTrue(!registered.limits().containsKey("globex"));
    assertRefused("tenants:\n  acme:\n    limits: { concurrent: 1 }\n", "tenant acme");
    assertRefused("tenants:\n  acme:\n    scopes: []\n    limits: { concurent: 1 }\n", "tenant acme: limits: unknown limit");
    assertRefused("tenants:\n  acme:\n    scopes: []\n    limits: { concurrent: \"4\" }\n", "tenant acme: limits: concurrent");
    assertRefused("tenants:\n  acme:\n    scopes: []\n    limits: 10\n", "tenant acme: limits");
  }

  private static void assertRefused(String yaml, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(yaml));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }

  private static Map<String, Scopes> parse(String yaml) {
    return TenantFile.parse(yaml.getBytes(StandardCharsets.UTF_8));
  }
}
