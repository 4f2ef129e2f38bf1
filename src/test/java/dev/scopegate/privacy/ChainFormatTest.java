package dev.scopegate.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.upstream.Answer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading GoQuorum's wire: private transactions, StateShared logs, traces, privacy metadata. */
class ChainFormatTest {
  private static final String HASH64 = "0x" + "ab".repeat(64);

  private static JsonNode json(String text) throws Exception {
    return Json.MAPPER.readTree(text);
  }

  @Test
  void privateTransactionsHaveV37or38AndAPayloadHash() throws Exception {
    assertTrue(ChainFormat.isPrivate(json("{\"v\":\"0x25\",\"input\":\"" + HASH64 + "\"}")));
    assertTrue(ChainFormat.isPrivate(json("{\"v\":\"0x26\",\"input\":\"" + HASH64 + "\"}")));
    assertFalse(ChainFormat.isPrivate(json("{\"v\":\"0x1c\",\"input\":\"" + HASH64 + "\"}")));
    assertFalse(ChainFormat.isPrivate(json("{\"v\":\"0x25\",\"input\":\"0x1234\"}")));
  }

  @Test
  void stateSharedTopicIsTheEventSignatureHash() {
    // keccak256("StateShared(address,string,string)")
    assertEquals(66, ChainFormat.STATE_SHARED_TOPIC.length());
    assertEquals(
        "0x" + java.util.HexFormat.of().formatHex(ChainFormat.keccak("StateShared(address,string,string)".getBytes())),
        ChainFormat.STATE_SHARED_TOPIC);
  }

  @Test
  void stateSharedDecodesTheContractAndTheTesseraHash() throws Exception {
    String hash = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk=";
    String data = "0x" + word("000000000000000000000000" + "1111111111111111111111111111111111111111")
        + word(Long.toHexString(96)) + word(Long.toHexString(96 + 32 + padded(hash.length())))
        + word(Long.toHexString(hash.length())) + text(hash)
        + word(Long.toHexString(4)) + text("uuid");
    JsonNode log = json("{\"address\":\"0xAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\",\"topics\":[\""
        + ChainFormat.STATE_SHARED_TOPIC + "\"],\"data\":\"" + data + "\"}");
    assertTrue(StateShared.matches(log));
    StateShared shared = StateShared.decode(log, "0x01");
    assertEquals("0x1111111111111111111111111111111111111111", shared.contract());
    assertEquals("0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", shared.emitter());
    assertEquals(hash, shared.tesseraHash());
    for (String malformed : new String[] {"0x1234", "0x", "1234", "0xzz", data.substring(0, data.length() - 64),
        "0x" + word("ff" + "0".repeat(22) + "1111111111111111111111111111111111111111") + data.substring(66),
        "0x" + data.substring(2, 66) + word("ffffffffffff") + data.substring(130)}) {
      assertThrows(Abi.Malformed.class, () -> StateShared.decode(json("{\"data\":\"" + malformed + "\"}"), "0x01"),
          malformed);
    }
    JsonNode twoTopics = json("{\"topics\":[\"" + ChainFormat.STATE_SHARED_TOPIC + "\",\"" + ChainFormat.STATE_SHARED_TOPIC
        + "\"],\"data\":\"" + data + "\"}");
    assertFalse(StateShared.matches(twoTopics), "GoQuorum reads only logs with exactly one topic");
  }

  private static String word(String hex) {
    return "0".repeat(64 - hex.length()) + hex;
  }

  private static int padded(int length) {
    return (length + 31) / 32 * 32;
  }

  private static String text(String s) {
    String hex = java.util.HexFormat.of().formatHex(s.getBytes());
    return hex + "0".repeat(padded(s.length()) * 2 - hex.length());
  }

  @Test
  void traceCreationsIncludeNestedFrames() throws Exception {
    JsonNode trace = json("[{\"result\":{\"type\":\"CALL\",\"to\":\"0xAA\",\"calls\":[]}},"
        + "{\"result\":{\"type\":\"CREATE\",\"to\":\"0xBB\",\"calls\":[{\"type\":\"CREATE2\",\"to\":\"0xCC\","
        + "\"calls\":[{\"type\":\"CALL\",\"to\":\"0xDD\"}]}]}}]");
    assertEquals(List.of(), TraceFrames.creations(trace, 0));
    assertEquals(List.of("0xbb", "0xcc"), TraceFrames.creations(trace, 1));
    assertEquals(List.of(), TraceFrames.creations(null, 1));
  }

  @Test
  void privacyMetadataRules() throws Exception {
    Answer notPrivate = new Answer(null, json("{\"code\":-32000,\"message\":\"The provided address is not a private contract: 1111\"}"));
    assertFalse(PrivacyMetadata.of(notPrivate).isPrivate());
    Answer standard = new Answer(null, json("{\"code\":-32000,\"message\":\"no account extra data found\"}"));
    assertTrue(PrivacyMetadata.of(standard).isPrivate());
    assertTrue(PrivacyMetadata.of(standard).creationPayloadHash().isEmpty());
    byte[] hash = new byte[64];
    hash[0] = 1;
    hash[63] = (byte) 0xff;
    Answer base64 = new Answer(json("{\"creationTxHash\":\"" + java.util.Base64.getEncoder().encodeToString(hash) + "\",\"privacyFlag\":1}"), null);
    assertArrayEquals(hash, PrivacyMetadata.of(base64).creationPayloadHash().orElseThrow());
    StringBuilder bytes = new StringBuilder("[");
    for (int i = 0; i < 64; i++) {
      bytes.append(i == 0 ? "" : ",").append(hash[i] & 0xff);
    }
    Answer array = new Answer(json("{\"creationTxHash\":" + bytes + "],\"privacyFlag\":1}"), null);
    assertArrayEquals(hash, PrivacyMetadata.of(array).creationPayloadHash().orElseThrow());
  }
}
