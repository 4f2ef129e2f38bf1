package dev.scopegate.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.upstream.Answer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Learning the node's "not a private contract" wording from its answer about the probe address. */
class NotPrivateWordingTest {
  private static final String X = "0x1932c48b2bf8102ba33b4a6b545c32236e342f34";

  private static Answer error(String json) throws Exception {
    return new Answer(null, Json.MAPPER.readTree(json));
  }

  private static Optional<String> filled(Answer answer) {
    return NotPrivateWording.templateOf(answer).map(t -> t.fill(X));
  }

  @Test
  void theAddressIsFoundInTheFormTheNodeWritesIt() throws Exception {
    String probe = NotPrivateWording.PROBE.substring(2);
    assertEquals(Optional.of(X.substring(2) + ": the provided address is not a private contract"),
        filled(error("{\"code\":-32000,\"message\":\"" + probe + ": the provided address is not a private contract\"}")));
    assertEquals(Optional.of("not private: 0x" + X.substring(2).toUpperCase(java.util.Locale.ROOT) + "!"),
        filled(error("{\"code\":-32000,\"message\":\"not private: 0x" + probe.toUpperCase(java.util.Locale.ROOT) + "!\"}")));
    // EIP-55 as web3j writes it
    String checksummed = org.web3j.crypto.Keys.toChecksumAddress(NotPrivateWording.PROBE);
    assertTrue(!checksummed.equals(NotPrivateWording.PROBE) && !checksummed.substring(2).equals(probe.toUpperCase(java.util.Locale.ROOT)));
    assertEquals(Optional.of(org.web3j.crypto.Keys.toChecksumAddress(X) + " is public"),
        filled(error("{\"code\":-32000,\"message\":\"" + checksummed + " is public\"}")));
    assertEquals(Optional.of("not a private contract"),
        filled(error("{\"code\":-32000,\"message\":\"not a private contract\"}")));
  }

  @Test
  void whatCannotBeRepeatedExactlyIsNotLearnt() throws Exception {
    assertTrue(filled(error("{\"code\":-32601,\"message\":\"the method does not exist\"}")).isEmpty());
    assertTrue(filled(error("{\"code\":-32000,\"message\":\"x\",\"data\":\"y\"}")).isEmpty());
    JsonNode result = Json.MAPPER.readTree("{\"privacyFlag\":0}");
    assertTrue(filled(new Answer(result, null)).isEmpty());
  }
}
