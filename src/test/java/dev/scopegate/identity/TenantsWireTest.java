package dev.scopegate.identity;

import static dev.scopegate.devnode.DevTessera.KA;
import static dev.scopegate.devnode.DevTessera.KB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.config.Config;
import dev.scopegate.devnode.Address;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.MinedTransaction;
import dev.scopegate.devnode.PrivacyRequest;
import dev.scopegate.devnode.TransactionRequest;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orchestrate's tenant model through the wire: the tenant id in a namespaced claim, the tenant
 * registry's grants (and its reload), and API-key callers acting as a tenant with X-Tenant-ID.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantsWireTest {
  static final String NAMESPACE = "https://api.orchestrate.network";
  private static final String CODE_A = "0xaaaa";
  private static final String CODE_B = "0xbbbb";

  private Stack stack;
  private Path registry;
  private Address contractA;
  private Address contractB;
  private LogCapture logs;

  @BeforeAll
  void start(Vertx vertx, @TempDir Path dir) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    Address from = node.chain().accounts().get(0);
    contractA = privateAddress(node.chain().mineTransaction(privately(from, CODE_A, KA)));
    contractB = privateAddress(node.chain().mineTransaction(privately(from, CODE_B, KB)));
    registry = dir.resolve("tenants.yaml");
    writeRegistry(KA, KB);
    stack = Stack.start(vertx, node, c -> {
      Config.Jwt j = c.auth().jwt();
      Config.Jwt namespaced = new Config.Jwt(j.publicKeyFile(), j.jwksUrl(), j.issuers(),
          j.audiences(), j.clockSkew(), j.jwksMinRefetch(), NAMESPACE);
      return new Config(c.upstream(), c.server(), c.ipc(), c.privacy(),
          new Config.Auth(TestConfigs.API_KEY, namespaced, Config.Introspection.OFF,
              Optional.of(registry)),
          c.metrics());
    });
    stack.awaitIndexed();
  }

  @BeforeEach
  void captureLogs() {
    logs = new LogCapture();
  }

  @AfterEach
  void stopCapture() {
    logs.close();
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  @Test
  void aTokenWithATenantAndNoPrivateGrantsGetsTheRegistrysGrants() {
    String acme = token("acme", "rpc://eth_*");
    assertEquals(CODE_A, code(acme, contractA));
    assertEquals("0x", code(acme, contractB), "only acme's registered key");

    String noScopesAtAll = token("acme");
    assertEquals(CODE_A, code(noScopesAtAll, contractA), "the registry's rpc grants too");
  }

  @Test
  void aTokensOwnGrantsAreNeverWidenedByTheRegistry() {
    String ownPrivate = token("acme", "rpc://eth_*", owner(KB));
    assertEquals(CODE_B, code(ownPrivate, contractB));
    assertEquals("0x", code(ownPrivate, contractA), "its own private grants stand alone");

    String narrowRpc = token("acme", "rpc://eth_chainId");
    JsonNode denied = call(narrowRpc, Wire.call(1, "eth_getCode", params(contractA)));
    assertEquals("eth_getCode - access denied", denied.get("error").get("message").asText());

    String unregistered = token("initech", "rpc://eth_*");
    assertEquals("0x", code(unregistered, contractA));
    assertEquals("0x", code(unregistered, contractB));
  }

  @Test
  void theTenantIdIsInTheLogLinesAboutACall() {
    String acme = token("acme", "rpc://eth_chainId");
    call(acme, Wire.call(1, "admin_peers", "[]"));
    assertTrue(logs.matching("tenant=acme").stream().anyMatch(l -> l.contains("admin_peers")),
        logs.all());
  }

  @Test
  void anApiKeyCallerActsAsExactlyTheNamedTenantAndEveryCallIsAudited() throws Exception {
    assertEquals(CODE_A, impersonatedCode("acme", contractA));
    assertEquals("0x", impersonatedCode("acme", contractB));
    assertEquals(CODE_B, impersonatedCode("globex", contractB));
    assertEquals("0x", impersonatedCode("globex", contractA));
    HttpResponse<String> operatorOnly = stack.proxy().post(Wire.call(1, "admin_peers", "[]"),
        "X-API-Key", TestConfigs.API_KEY, "X-Tenant-ID", "acme");
    assertEquals("admin_peers - access denied",
        Wire.json(operatorOnly).get("error").get("message").asText(), "a tenant, not an operator");

    List<String> audit = logs.matching("scopegate.audit");
    assertTrue(audit.stream().anyMatch(l -> l.startsWith("INFO") && l.contains("tenant=acme")
        && l.contains("eth_getCode")), logs.all());
    assertTrue(audit.stream().anyMatch(l -> l.contains("tenant=globex")), logs.all());
    assertFalse(logs.all().contains(TestConfigs.API_KEY), "the API key is never logged");

    // over WebSocket the same
    URI ws = URI.create(stack.proxy().url().toString().replace("http", "ws"));
    WsClient client = WsClient.connect(ws, "X-API-Key", TestConfigs.API_KEY, "X-Tenant-ID", "globex");
    assertEquals(CODE_B, client.call(Wire.call(7, "eth_getCode", params(contractB))).get("result").asText());
    assertEquals("0x", client.call(Wire.call(8, "eth_getCode", params(contractA))).get("result").asText());
  }

  @Test
  void anImpersonatedBatchReachesNoOtherTenantsState() {
    String b = contractB.toString();
    String batch = "[" + String.join(",",
        Wire.call(1, "eth_getCode", params(contractB)),
        Wire.call(2, "eth_getStorageAt", "[\"" + b + "\",\"0x0\",\"latest\"]"),
        Wire.call(3, "eth_call", "[{\"to\":\"" + b + "\",\"data\":\"0x\"},\"latest\"]"),
        Wire.call(4, "eth_getLogs", "[{\"address\":\"" + b + "\",\"fromBlock\":\"0x0\"}]"),
        Wire.call(5, "eth_getCode", params(contractA))) + "]";
    HttpResponse<String> response = stack.proxy().post(batch,
        "X-API-Key", TestConfigs.API_KEY, "X-Tenant-ID", "acme");
    assertEquals(200, response.statusCode(), response.body());
    assertFalse(response.body().contains("bbbb"), "globex's contract code in no answer: " + response.body());
    assertTrue(response.body().contains("aaaa"), "acme's own contract is served in the same batch");
  }

  @Test
  void unknownTenantsStarAndTokenHoldersNamingATenantAreRefused() {
    for (String tenant : List.of("initech", "*", "")) {
      HttpResponse<String> response = stack.proxy().post(Wire.call(1, "eth_getCode", params(contractA)),
          "X-API-Key", TestConfigs.API_KEY, "X-Tenant-ID", tenant);
      assertEquals(403, response.statusCode(), tenant);
      assertEquals("unknown tenant", Wire.json(response).get("error").get("message").asText());
      assertFalse(response.body().contains("aaaa"));
    }
    HttpResponse<String> byToken = stack.proxy().post(Wire.call(1, "eth_getCode", params(contractA)),
        "Authorization", "Bearer " + token("globex", "rpc://eth_*"), "X-Tenant-ID", "acme");
    assertEquals(403, byToken.statusCode());
    assertEquals("X-Tenant-ID needs the API key", Wire.json(byToken).get("error").get("message").asText());
    assertFalse(byToken.body().contains("aaaa"));
  }

  @Test
  void aChangedRegistryIsReloadedWithoutRestart() throws Exception {
    String globex = token("globex", "rpc://eth_*");
    assertEquals("0x", code(globex, contractA));
    writeRegistry(KA, KA); // globex now holds KA
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      String seen = code(globex, contractA);
      while (!seen.equals(CODE_A) && System.nanoTime() < deadline) {
        seen = code(globex, contractA); // the registry polls the file; each answer is an event
      }
      assertEquals(CODE_A, seen);
      assertFalse(logs.matching("reloaded").isEmpty(), logs.all());
    } finally {
      writeRegistry(KA, KB);
    }
  }

  private void writeRegistry(String acmeKey, String globexKey) throws Exception {
    String yaml = "tenants:\n"
        + "  acme:\n    scopes: [\"rpc://eth_*\", \"" + owner(acmeKey) + "\"]\n"
        + "  globex:\n    scopes: [\"rpc://eth_*\", \"" + owner(globexKey) + "\"]\n";
    Path staged = Files.writeString(registry.resolveSibling("tenants.staged"), yaml);
    Files.move(staged, registry, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private String token(String tenant, String... scopes) {
    return stack.minter().mint("user-of-" + tenant, List.of(scopes), Duration.ofMinutes(5),
        Map.of(NAMESPACE, Map.of("tenant_id", tenant, "username", "alice")));
  }

  private String code(String token, Address contract) {
    JsonNode answer = call(token, Wire.call(1, "eth_getCode", params(contract)));
    return answer.get("result").asText();
  }

  private String impersonatedCode(String tenant, Address contract) {
    HttpResponse<String> response = stack.proxy().post(Wire.call(1, "eth_getCode", params(contract)),
        "X-API-Key", TestConfigs.API_KEY, "X-Tenant-ID", tenant);
    return Wire.json(response).get("result").asText();
  }

  private JsonNode call(String token, String body) {
    return Wire.json(stack.proxy().tenant(token, body));
  }

  private static String params(Address contract) {
    return "[\"" + contract + "\",\"latest\"]";
  }

  static String owner(String key) {
    return "private://0x0/_/contracts?owned.eoa=0x0&from.tm="
        + key.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
  }

  private static TransactionRequest privately(Address from, String code, String key) {
    return TransactionRequest.create(from, code).withPrivacy(PrivacyRequest.local(key, new ArrayList<>(), 0));
  }

  private static Address privateAddress(MinedTransaction mined) {
    return mined.local().privateReceipt().orElseThrow().contractAddress().orElseThrow();
  }
}
