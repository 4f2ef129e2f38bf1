package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;

/** GoQuorum's extension flow over the dev node's RPC, and what StateShared logs do to its state. */
class ExtensionTest extends DevNodeTestBase {
  /** The topics GoQuorum's generated binding names (extension/extensionContracts/contract_extender.go). */
  static final String STATE_SHARED = "0x67a92539f3cbd7c5a9b36c23c0e2beceb27d2e1b3cd8eda02c623689267ae71e";
  static final String CREATED = "0x04576ede6057794ada68966eebc285c98a2726cbc4929ffd1ad9900336728d93";
  static final String NEW_VOTE = "0x225708d30006b0cc86d855ab91047edb5fe9c2e416412f36c18c6e90fe4e461f";
  static final String CAN_SHARE = "0xfd46cafaa71d87561071b8095703a7f081265fad232945049f5cf2d2c39b3d28";
  static final String FINISHED = "0x79c47b570b18a8a814b785800e5fcbf104e067663589cef1bba07756e3c6ede9";

  private String extend(String contract, String recipientKey, String recipient, Map<String, Object> args) {
    return client.result("quorumExtension_extendContract", contract, recipientKey, recipient, args).asText();
  }

  private List<String> topics(JsonNode receipt) {
    List<String> topics = new ArrayList<>();
    receipt.get("logs").forEach(log -> topics.add(log.get("topics").get(0).asText()));
    return topics;
  }

  private JsonNode headReceipt() {
    return receipt(node.chain().head().transactions().get(0).hash().hex());
  }

  @Test
  void extendApproveShareAsGoQuorumDoes() {
    String contract = contractOf(createPrivately(PLAIN_CODE, "privateFor", List.of(FOREIGN_X)));

    String creation = extend(contract, KB, NODE2, tx("from", NODE1, "privateFrom", KA));
    JsonNode created = receipt(creation);
    String management = created.get("contractAddress").asText();
    assertEquals(List.of(CREATED), topics(created));
    assertEquals(ExtenderContract.RUNTIME, code(Address.of(management)));
    assertEquals(List.of(NEW_VOTE), topics(headReceipt()), "the initiating node voted for its extension");

    client.result("quorumExtension_approveExtension", management, true,
        tx("from", NODE2, "privateFrom", KB, "privateFor", List.of(KA)));

    JsonNode shared = headReceipt();
    assertEquals(List.of(STATE_SHARED, STATE_SHARED, FINISHED), topics(shared), "one StateShared per yes vote");
    List<Type> decoded = decode(shared.get("logs").get(0).get("data").asText());
    assertEquals(contract, decoded.get(0).getValue().toString());
    assertEquals(management, shared.get("logs").get(0).get("address").asText());
    JsonNode payload = RpcClient.parse(
        tessera.transaction(PayloadHash.ofBase64(decoded.get(1).getValue().toString()).hex()).body());
    assertEquals(KA, payload.get("senderKey").asText());
    assertEquals(RpcClient.parse("[\"" + KA + "\",\"" + KB + "\"]"), payload.get("managedParties"));
    long head = node.chain().head().number();
    assertEquals(Set.of(KA, FOREIGN_X, KB), node.chain().privacy(Address.of(contract), head).get().parties());
    assertEquals(Set.of(KA, FOREIGN_X), node.chain().privacy(Address.of(contract), head - 1).get().parties());
  }

  @Test
  void goQuorumsChecksRefuseWhatItRefuses() {
    String contract = contractOf(createPrivately(PLAIN_CODE, "privateFor", List.of(KB)));
    String publicOne = contractOf(send("from", NODE1, "data", PLAIN_CODE));
    Map<String, Object> args = tx("from", NODE1, "privateFrom", KA);
    assertEquals("extending a public contract!!! not allowed",
        client.error("quorumExtension_extendContract", publicOne, KC, NODE2, args).get("message").asText());
    assertEquals("extending a non-existent private contract!!! not allowed",
        client.error("quorumExtension_extendContract", STRANGER, KC, NODE2, args).get("message").asText());
    assertEquals("account accepting the extension cannot be the account initiating extension",
        client.error("quorumExtension_extendContract", contract, KC, NODE1, args).get("message").asText());
    assertEquals("mismatch between recipient transaction manager key and privateFor argument",
        client.error("quorumExtension_extendContract", contract, KC, NODE2,
            tx("from", NODE1, "privateFor", List.of(KB))).get("message").asText());

    String management = receipt(extend(contract, KC, NODE2, args)).get("contractAddress").asText();
    assertEquals("contract extension in progress for the given contract address",
        client.error("quorumExtension_extendContract", contract, KC, NODE2, args).get("message").asText());
    assertEquals("already voted", client.error("quorumExtension_approveExtension", management, true,
        tx("from", NODE1, "privateFrom", KA, "privateFor", List.of(KC))).get("message").asText());
    assertEquals("account is not acceptor of this extension request",
        client.error("quorumExtension_approveExtension", management, true,
            tx("from", NODE3, "privateFrom", KC, "privateFor", List.of(KA))).get("message").asText());
    client.result("quorumExtension_approveExtension", management, false,
        tx("from", NODE2, "privateFrom", KC, "privateFor", List.of(KA)));
    assertEquals("contract extension process complete. nothing to accept",
        client.error("quorumExtension_approveExtension", management, true,
            tx("from", NODE2, "privateFrom", KC, "privateFor", List.of(KA))).get("message").asText());
    assertEquals(Set.of(KA, KB), node.chain().privacy(Address.of(contract), node.chain().head().number()).get().parties(),
        "a declined extension shares nothing");
  }

  @Test
  void anyContractCanEmitTheTopicAndTheNodeAppliesNoParties() {
    String contract = contractOf(createPrivately(PLAIN_CODE, "privateFor", List.of(KB)));
    String forger = contractOf(createPrivately("0xe7e75a", "privateFrom", KC, "privateFor", List.of()));
    PayloadHash own = node.chain().tessera().store(new PayloadRecord(new byte[] {1}, KC, List.of(), 0));
    String data = new StateSharedEvent(Address.of(contract), own.base64(), "uuid").encode();
    String hash = send("from", NODE1, "to", forger, "data", data, "privateFrom", KC, "privateFor", List.of());

    assertEquals(List.of(STATE_SHARED), topics(receipt(hash)), "the log is on chain, from the forger");
    assertEquals(Set.of(KA, KB), node.chain().privacy(Address.of(contract), node.chain().head().number()).get().parties());
    String malformed = send("from", NODE1, "to", forger, "data", "0x1234", "privateFrom", KC, "privateFor", List.of());
    assertTrue(receipt(malformed).get("status").asText().equals("0x1"), "an undecodable StateShared is skipped");
  }

  @Test
  void aForgedStateSharedRewritesAPartyProtectionContractsMetadataAsGoQuorumDoes() {
    String contract = contractOf(createPrivately(PLAIN_CODE, "privateFor", List.of(KB), "privacyFlag", 1));
    String forger = contractOf(createPrivately("0xe7e75a", "privateFrom", KC, "privateFor", List.of()));
    PayloadHash own = node.chain().tessera().store(new PayloadRecord(new byte[] {1}, KC, List.of(), 0));
    send("from", NODE1, "to", forger, "data", new StateSharedEvent(Address.of(contract), own.base64(), "u").encode(),
        "privateFrom", KC, "privateFor", List.of());
    // state_setter.go: "TODO: validate the old and new parties"
    assertEquals(own.base64(),
        client.result("eth_getContractPrivacyMetadata", contract).get("creationTxHash").asText());
  }

  @Test
  void aContractCanArriveByExtensionAlone() {
    Address contract = Address.of("0x5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e");
    assertEquals("0x", client.result("eth_getCode", contract.hex(), "latest").asText());

    MinedTransaction shared = node.chain().importExtendedContract(contract, "0x60016002", FOREIGN_X, KC);

    assertEquals("0x60016002", client.result("eth_getCode", contract.hex(), "latest").asText());
    assertEquals("no account extra data found",
        client.error("eth_getContractPrivacyMetadata", contract.hex()).get("message").asText());
    JsonNode log = receipt(shared.transaction().hash().hex()).get("logs").get(0);
    assertEquals(contract.hex(), decode(log.get("data").asText()).get(0).getValue().toString());
    assertEquals(OUTSIDER, shared.transaction().from().hex());
    for (long n = 1; n <= node.chain().head().number(); n++) {
      node.chain().block(n).get().receipts()
          .forEach(r -> assertFalse(r.contractAddress().equals(java.util.Optional.of(contract))));
    }
  }

  @SuppressWarnings("rawtypes")
  private static List<Type> decode(String data) {
    List<TypeReference<Type>> types = List.of(
        cast(new TypeReference<org.web3j.abi.datatypes.Address>() {}),
        cast(new TypeReference<Utf8String>() {}),
        cast(new TypeReference<Utf8String>() {}));
    return FunctionReturnDecoder.decode(data, types);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TypeReference<Type> cast(TypeReference reference) {
    return reference;
  }
}
