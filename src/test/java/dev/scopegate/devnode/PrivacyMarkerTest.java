package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ContractUtils;

/** GoQuorum 21.7.1+ with privacy markers: private transactions travel inside public markers. */
class PrivacyMarkerTest extends DevNodeTestBase {
  static final String PRECOMPILE = "0x000000000000000000000000000000000000007a";

  @Override
  DevNodeOptions options() {
    return DevNodeOptions.defaults().withPrivacyMarkers(true);
  }

  @Test
  void theChainCarriesAPublicMarkerToThePrecompile() {
    String marker = createPrivately(PLAIN_CODE, "privateFor", List.of(KB));

    JsonNode tx = client.result("eth_getTransactionByHash", marker);
    assertEquals(PRECOMPILE, tx.get("to").asText());
    assertEquals(130, tx.get("input").asText().length());
    String v = tx.get("v").asText();
    assertTrue(v.equals("0xa95") || v.equals("0xa96"), v); // a public, EIP-155 transaction
    JsonNode receipt = receipt(marker);
    assertTrue(receipt.get("contractAddress").isNull());
    assertEquals(0, receipt.get("logs").size());
    assertTrue(receipt.get("isPrivacyMarkerTransaction").asBoolean());
    assertEquals(PRECOMPILE, client.result("eth_getPrivacyPrecompileAddress").asText());
  }

  @Test
  void theMarkersPayloadIsTheInternalPrivateTransaction() {
    String marker = createPrivately(PLAIN_CODE, "privateFor", List.of(KB), "privacyFlag", 1);
    JsonNode outer = client.result("eth_getTransactionByHash", marker);

    JsonNode inner = client.result("eth_getPrivateTransactionByHash", marker);
    assertNotEquals(marker, inner.get("hash").asText());
    String v = inner.get("v").asText();
    assertTrue(v.equals("0x25") || v.equals("0x26"), v);
    assertEquals(130, inner.get("input").asText().length());
    assertTrue(inner.get("to").isNull());
    for (String field : List.of("from", "nonce", "blockHash", "blockNumber", "transactionIndex")) {
      assertEquals(outer.get(field), inner.get(field), field);
    }
    JsonNode markerPayload =
        RpcClient.parse(tessera.transaction(outer.get("input").asText()).body());
    assertEquals(KA, markerPayload.get("senderKey").asText());
    assertEquals(1, markerPayload.get("privacyFlag").asInt());
    JsonNode signed =
        RpcClient.parse(
            new String(Base64.getDecoder().decode(markerPayload.get("payload").asText())));
    assertEquals(inner.get("hash"), signed.get("hash"));
    JsonNode payload = RpcClient.parse(tessera.transaction(inner.get("input").asText()).body());
    assertEquals(RpcClient.parse("[\"" + KA + "\",\"" + KB + "\"]"), payload.get("managedParties"));
  }

  @Test
  void thePrivateReceiptHasTheContractAndTheLogs() {
    String creation = createPrivately(PLAIN_CODE, "privateFor", List.of(KB));
    String contract = ContractUtils.generateContractAddress(NODE1, BigInteger.ZERO);

    JsonNode created = client.result("eth_getPrivateTransactionReceipt", creation);
    assertEquals(contract, created.get("contractAddress").asText());
    assertEquals(creation, created.get("transactionHash").asText());
    assertEquals("0x1", created.get("status").asText());
    assertEquals(PLAIN_CODE, client.result("eth_getCode", contract, "latest").asText());

    String call = send("from", NODE1, "to", contract, "data", "0x99", "privateFor", List.of(KB));
    JsonNode receipt = client.result("eth_getPrivateTransactionReceipt", call);
    String innerHash = client.result("eth_getPrivateTransactionByHash", call).get("hash").asText();
    JsonNode log = receipt.get("logs").get(0);
    assertEquals(contract, log.get("address").asText());
    assertEquals("0x99", log.get("data").asText());
    assertEquals(innerHash, log.get("transactionHash").asText());
    assertEquals(contract, receipt.get("to").asText());
  }

  @Test
  void aMarkerTracesAsACallToThePrecompileHoldingThePrivateFrames() {
    String marker = createPrivately("0xfac70f", "privateFor", List.of(KB));
    JsonNode trace =
        client.result("debug_traceTransaction", marker, ContractBehaviourTest.CALL_TRACER);
    assertEquals("CALL", trace.get("type").asText());
    assertEquals(PRECOMPILE, trace.get("to").asText());
    JsonNode creation = trace.get("calls").get(0);
    assertEquals("CREATE", creation.get("type").asText());
    assertEquals(
        ContractUtils.generateContractAddress(NODE1, BigInteger.ZERO), creation.get("to").asText());
    assertEquals(1, creation.get("calls").size());
  }

  @Test
  void aMarkerNoManagedKeyIsPartyToHidesEverything() {
    MinedTransaction mined =
        node.chain()
            .receiveForeignPrivate(
                Address.of(OUTSIDER), Optional.empty(), PLAIN_CODE, FOREIGN_X, List.of(FOREIGN_Y));
    String marker = mined.transaction().hash().hex();

    assertEquals(PRECOMPILE, mined.transaction().to().get().hex());
    assertTrue(client.result("eth_getPrivateTransactionByHash", marker).isNull());
    assertTrue(client.result("eth_getPrivateTransactionReceipt", marker).isNull());
    assertEquals(404, tessera.transaction(mined.transaction().input()).statusCode());
    assertTrue(receipt(marker).get("isPrivacyMarkerTransaction").asBoolean());
  }

  @Test
  void anOrdinaryTransactionIsNoMarker() {
    String hash = send("from", NODE1, "to", STRANGER);
    assertEquals(false, receipt(hash).get("isPrivacyMarkerTransaction").asBoolean(true));
    assertTrue(client.result("eth_getPrivateTransactionByHash", hash).isNull());
  }
}
