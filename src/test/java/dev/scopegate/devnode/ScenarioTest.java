package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DevScenario: two tenants' contracts, named, each created and called once. */
class ScenarioTest extends DevNodeTestBase {
  @Test
  void tenantsOwnTheFirstTwoAccountsAndKeys() {
    Scenario scenario = seed();
    assertEquals(Address.of(NODE1), scenario.ownerA());
    assertEquals(Address.of(NODE2), scenario.ownerB());
    assertEquals(KA, scenario.keyA());
    assertEquals(KB, scenario.keyB());
    assertEquals(8, scenario.contracts().size());
  }

  @Test
  void eachContractHasItsPartiesAndItsCode() {
    Scenario scenario = seed();

    assertEquals(List.of(KA), parties(scenario.privateA()));
    assertEquals(List.of(KB), parties(scenario.privateB()));
    assertEquals(List.of(KA, KB), parties(scenario.shared()));
    assertEquals(List.of(KA), parties(scenario.factory()));
    assertEquals(List.of(KA), parties(scenario.reacher()));
    assertEquals(List.of(KA), parties(scenario.codeReader()));
    String b = scenario.privateB().address().hex().substring(2);
    assertEquals("0x4eac4e" + b, code(scenario.reacher().address()));
    assertEquals("0xc0de4e" + b, code(scenario.codeReader().address()));
    assertEquals("0xc41d00", code(scenario.child().address()));
    assertEquals(scenario.factory().creation(), scenario.child().creation());
    JsonNode notPrivate =
        client.error("eth_getContractPrivacyMetadata", scenario.publicContract().address().hex());
    assertEquals(-32000, notPrivate.get("code").asInt());
    assertEquals("0x1", receipt(scenario.publicContract().creation().hex()).get("status").asText());
  }

  @Test
  void everyContractLoggedItsCallAndTheReacherReachedB() {
    Scenario scenario = seed();
    for (Scenario.Deployed contract : scenario.contracts()) {
      JsonNode logs = receipt(contract.call().hex()).get("logs");
      assertEquals(
          contract.address().hex(), logs.get(0).get("address").asText(), contract.toString());
    }
    JsonNode reach = receipt(scenario.reacher().call().hex()).get("logs");
    assertEquals(2, reach.size());
    assertEquals(scenario.privateB().address().hex(), reach.get(1).get("address").asText());
    assertEquals(1, receipt(scenario.codeReader().call().hex()).get("logs").size());
  }

  @Test
  void aTesseraWithoutBothTenantKeysCannotBeSeeded() {
    Chain chain = new Chain(1337, Clock.systemUTC(), new TesseraStore(List.of(KA, KC)), false);
    assertThrows(IllegalArgumentException.class, () -> DevScenario.seed(chain));
  }

  private List<String> parties(Scenario.Deployed contract) {
    String input =
        client.result("eth_getTransactionByHash", contract.creation().hex()).get("input").asText();
    JsonNode managed = RpcClient.parse(tessera.transaction(input).body()).get("managedParties");
    List<String> keys = new ArrayList<>();
    managed.forEach(key -> keys.add(key.asText()));
    return keys;
  }
}
