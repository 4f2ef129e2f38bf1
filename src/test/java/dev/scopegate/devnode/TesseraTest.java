package dev.scopegate.devnode;

import static dev.scopegate.devnode.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TesseraTest extends DevNodeTestBase {

  @Test
  void theKeysAreTheThreeFixedOnes() {
    HttpResponse<String> keys = tessera.get("/keys", "application/json");
    assertEquals(200, keys.statusCode());
    assertEquals(
        RpcClient.parse(
            "{\"keys\":[{\"key\":\""
                + KA
                + "\"},{\"key\":\""
                + KB
                + "\"},{\"key\":\""
                + KC
                + "\"}]}"),
        RpcClient.parse(keys.body()));
    for (String key : List.of(KA, KB, KC, FOREIGN_X, FOREIGN_Y)) {
      assertEquals(32, Base64.getDecoder().decode(key).length, key);
    }
  }

  @Test
  void upcheckSaysItIsUp() {
    HttpResponse<String> up = tessera.get("/upcheck", "text/plain");
    assertEquals(200, up.statusCode());
    assertEquals("I'm up!", up.body());
  }

  @Test
  void aTransactionNamesItsSenderAndTheManagedParties() {
    String hash =
        createPrivately("0x010203", "privateFor", List.of(KB, FOREIGN_X), "privacyFlag", 1);
    String input = client.result("eth_getTransactionByHash", hash).get("input").asText();

    HttpResponse<String> found = tessera.transaction(input);
    assertEquals(200, found.statusCode(), found.body());
    assertEquals(DevTesseraClient.MEDIA_2_1, found.headers().firstValue("Content-Type").orElse(""));
    JsonNode body = RpcClient.parse(found.body());
    assertEquals(
        Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}), body.get("payload").asText());
    assertEquals(1, body.get("privacyFlag").asInt());
    assertEquals(RpcClient.parse("[\"" + KA + "\",\"" + KB + "\"]"), body.get("managedParties"));
    assertEquals(KA, body.get("senderKey").asText());
    assertEquals(0, body.get("affectedContractTransactions").size());
    assertEquals("", body.get("execHash").asText());
  }

  @Test
  void theLegacyMediaTypeGetsThePayloadOnly() {
    String hash = createPrivately("0x0a", "privateFrom", KC, "privateFor", List.of(FOREIGN_X));
    String input = client.result("eth_getTransactionByHash", hash).get("input").asText();

    HttpResponse<String> legacy =
        tessera.get(DevTesseraClient.transactionPath(input), "application/json");
    assertEquals(200, legacy.statusCode());
    assertEquals(RpcClient.parse("{\"payload\":\"Cg==\"}"), RpcClient.parse(legacy.body()));
  }

  @Test
  void aHashTesseraNeverReceivedIs404() {
    String unknown = "0x" + "ab".repeat(64);
    assertEquals(404, tessera.transaction(unknown).statusCode());
    assertEquals(
        404, tessera.get("/transaction/not-base64!", DevTesseraClient.MEDIA_2_1).statusCode());
  }

  @Test
  void unavailableMeans503UntilItIsBack() {
    node.tessera().requestCount().set(0);
    node.tessera().available(false);
    assertEquals(503, tessera.get("/upcheck", "text/plain").statusCode());
    assertEquals(503, tessera.get("/keys", "application/json").statusCode());
    node.tessera().available(true);
    assertEquals(200, tessera.get("/upcheck", "text/plain").statusCode());
    assertEquals(3, node.tessera().requestCount().get());
  }

  @Test
  void aStoppedListenerRefusesConnectionsAndComesBackOnTheSamePort() {
    int port = node.tessera().url().getPort();
    await(node.tessera().stopListening());
    UncheckedIOException refused =
        assertThrows(UncheckedIOException.class, () -> tessera.get("/upcheck", "text/plain"));
    assertTrue(refused.getCause() instanceof ConnectException, refused.toString());

    await(node.tessera().startListening());
    assertEquals(port, node.tessera().url().getPort());
    assertEquals(200, tessera.get("/upcheck", "text/plain").statusCode());
  }
}
