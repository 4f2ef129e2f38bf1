package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every way one contract touches another, as the dev node runs it and as its tracers report it —
 * GoQuorum's {@code call_tracer.js} (frames, SELFDESTRUCT included) and {@code prestate_tracer.js}
 * (looked-up accounts: no EXTCODEHASH, no SELFDESTRUCT beneficiary) — storage beyond slot 0, and
 * state overrides in {@code eth_call} and {@code debug_traceCall}.
 */
class TouchKindsTest extends DevNodeTestBase {
  private static final Map<String, String> CALLS = Map.of("tracer", "callTracer");
  private static final Map<String, String> PRESTATE = Map.of("tracer", "prestateTracer");
  private static final String SLOT = "0x" + "0".repeat(63) + "7";
  private static final String WORD = "0x" + "5e".repeat(32);

  private String create(String code) {
    return contractOf(send("from", NODE1, "data", code));
  }

  private String vault() {
    String vault = create(Contracts.vault());
    send("from", NODE1, "to", vault, "data", Contracts.store(SLOT, WORD));
    return vault;
  }

  private JsonNode trace(String to, String data, Map<String, String> tracer) {
    return client.result("debug_traceCall", tx("from", NODE1, "to", to, "data", data), "latest", tracer);
  }

  private String storage(String address, String slot) {
    return client.result("eth_getStorageAt", address, slot, "latest").asText();
  }

  @Test
  void aVaultKeepsWordsBeyondSlotZero() {
    String vault = vault();
    assertEquals(WORD, storage(vault, SLOT));
    assertEquals(WORD, client.result("eth_call", tx("to", vault, "data", Contracts.load(SLOT)), "latest").asText());
    JsonNode proof = client.result("eth_getProof", vault, List.of(SLOT), "latest");
    assertEquals("0x" + "5e".repeat(32), "0x" + proof.get("storageProof").get(0).get("value").asText().substring(2));
    assertEquals(1, proof.get("storageProof").get(0).get("proof").size());
  }

  @Test
  void callAndStaticCallRunTheTargetInItsOwnContextStaticWritingNothing() {
    String vault = vault();
    String caller = create(Contracts.toucher("CALL", vault));
    String reader = create(Contracts.toucher("STATICCALL", vault));
    JsonNode frame = trace(caller, Contracts.load(SLOT), CALLS).get("calls").get(0);
    assertEquals("CALL", frame.get("type").asText());
    assertEquals(vault, frame.get("to").asText());
    assertEquals(WORD, frame.get("output").asText());
    JsonNode staticFrame = trace(reader, Contracts.load(SLOT), CALLS).get("calls").get(0);
    assertEquals("STATICCALL", staticFrame.get("type").asText());
    assertFalse(staticFrame.has("value"), "call_tracer.js leaves a STATICCALL's value out");
    send("from", NODE1, "to", reader, "data", Contracts.store(SLOT, "0x01"));
    assertEquals(WORD, storage(vault, SLOT));
    assertTrue(trace(reader, "0x", PRESTATE).has(vault));
  }

  @Test
  void delegateCallAndCallCodeRunTheTargetsCodeOnTheCallersStorage() {
    String vault = vault();
    for (String kind : new String[] {"DELEGATECALL", "CALLCODE"}) {
      String proxy = create(Contracts.toucher(kind, vault));
      JsonNode frame = trace(proxy, Contracts.load(SLOT), CALLS).get("calls").get(0);
      assertEquals(kind, frame.get("type").asText());
      assertEquals(kind.equals("CALLCODE"), frame.has("value"));
      assertTrue(trace(proxy, "0x", PRESTATE).has(vault), kind);
      String mine = "0x" + "0d".repeat(32);
      send("from", NODE1, "to", proxy, "data", Contracts.store(SLOT, mine));
      assertEquals(mine, storage(proxy, SLOT), kind + " writes the caller's storage");
      assertEquals(WORD, storage(vault, SLOT), kind + " leaves the target's alone");
    }
  }

  @Test
  void codeAndBalanceReadsAreLookedUpExceptExtCodeHash() {
    String vault = vault();
    for (String kind : new String[] {"EXTCODESIZE", "EXTCODECOPY", "BALANCE"}) {
      String reader = create(Contracts.toucher(kind, vault));
      assertTrue(trace(reader, "0x", PRESTATE).has(vault), kind);
      assertFalse(trace(reader, "0x", CALLS).has("calls"), kind + " makes no frame");
    }
    assertEquals(Contracts.vault(), trace(create(Contracts.toucher("EXTCODECOPY", vault)), "0x", CALLS).get("output").asText());
    String hasher = create(Contracts.toucher("EXTCODEHASH", vault));
    assertEquals(word(Contracts.vault()), trace(hasher, "0x", CALLS).get("output").asText());
    assertFalse(trace(hasher, "0x", PRESTATE).has(vault), "prestate_tracer.js has no EXTCODEHASH case");
  }

  @Test
  void selfDestructIsAFrameToTheBeneficiaryNotALookup() {
    String vault = vault();
    String bomb = create(Contracts.toucher("SELFDESTRUCT", vault));
    JsonNode frame = trace(bomb, "0x", CALLS).get("calls").get(0);
    assertEquals("SELFDESTRUCT", frame.get("type").asText());
    assertEquals(vault, frame.get("to").asText());
    assertEquals("0x0", frame.get("value").asText());
    assertEquals(4, frame.size(), "type, from, to, value: " + frame);
    assertFalse(trace(bomb, "0x", PRESTATE).has(vault));
    send("from", NODE1, "to", bomb, "value", "0x5"); // credited, then passed on as it self-destructs
    assertEquals("0x", client.result("eth_getCode", bomb, "latest").asText());
    assertEquals("0x0", client.result("eth_getBalance", bomb, "latest").asText());
    assertEquals("0x5", client.result("eth_getBalance", vault, "latest").asText());
  }

  @Test
  void create2ThenCallCreatesTheChildWhereEip1014SaysAndCallsIt() {
    String vault = vault();
    String child = Contracts.toucher("CALL", vault);
    String factory = create(Contracts.creator("CREATE2", child));
    String at = Contracts.create2Address(factory, child);
    JsonNode calls = trace(factory, Contracts.load(SLOT), CALLS).get("calls");
    assertEquals("CREATE2", calls.get(0).get("type").asText());
    assertEquals(at, calls.get(0).get("to").asText());
    assertEquals("CALL", calls.get(1).get("type").asText());
    assertEquals(vault, calls.get(1).get("calls").get(0).get("to").asText());
    JsonNode prestate = trace(factory, Contracts.load(SLOT), PRESTATE);
    assertTrue(prestate.has(at) && prestate.has(vault), prestate.toString());
  }

  @Test
  void aConstructorCanCallOut() {
    String vault = vault();
    String hash = send("from", NODE1, "data", Contracts.constructorTouching("CALL", vault));
    JsonNode trace = client.result("debug_traceTransaction", hash, CALLS);
    assertEquals("CREATE", trace.get("type").asText());
    assertEquals(vault, trace.get("calls").get(0).get("to").asText());
    assertTrue(client.result("debug_traceTransaction", hash, PRESTATE).has(vault));
  }

  @Test
  void stateOverridesApplyToCallsAndTraces() {
    String vault = vault();
    String plain = create(PLAIN_CODE);
    Map<String, Object> overrides =
        Map.of(plain, Map.of("code", Contracts.toucher("CALL", vault)));
    assertEquals(WORD, client.result("eth_call", tx("to", plain, "data", Contracts.load(SLOT)), "latest", overrides).asText());
    Map<String, Object> config = Map.of("tracer", "prestateTracer", "stateOverrides", overrides);
    JsonNode prestate = client.result("debug_traceCall", tx("to", plain, "data", "0x"), "latest", config);
    assertEquals(Contracts.toucher("CALL", vault), prestate.get(plain).get("code").asText());
    assertTrue(prestate.has(vault));
    Map<String, Object> diff = Map.of(vault, Map.of("stateDiff", Map.of(SLOT, "0x" + "00".repeat(31) + "01")));
    assertEquals("0x" + "00".repeat(31) + "01",
        client.result("eth_call", tx("to", vault, "data", Contracts.load(SLOT)), "latest", diff).asText());
    assertEquals(WORD, storage(vault, SLOT), "an override changes nothing");
    Map<String, Object> both = Map.of(vault, Map.of("state", Map.of(), "stateDiff", Map.of()));
    JsonNode error = client.error("eth_call", tx("to", vault), "latest", both);
    assertEquals("account " + org.web3j.crypto.Keys.toChecksumAddress(vault) + " has both 'state' and 'stateDiff'",
        error.get("message").asText());
  }

  @Test
  void aNodeCanBeMadeToIgnoreOverridesInTraces() {
    String plain = create(PLAIN_CODE);
    node.chain().traceCallsIgnoreStateOverrides(true);
    Map<String, Object> config =
        Map.of("tracer", "prestateTracer", "stateOverrides", Map.of(plain, Map.of("code", "0x01")));
    JsonNode prestate = client.result("debug_traceCall", tx("to", plain), "latest", config);
    assertEquals(PLAIN_CODE, prestate.get(plain).get("code").asText());
  }
}
