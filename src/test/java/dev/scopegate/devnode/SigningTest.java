package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/** The node's accounts sign messages and transactions that recover to them. */
class SigningTest extends DevNodeTestBase {
  static final String DATA = "0xdeadbeef";

  @Test
  void theNodeListsItsAccountsBothWays() {
    JsonNode accounts = RpcClient.parse("[\"" + NODE1 + "\",\"" + NODE2 + "\",\"" + NODE3 + "\"]");
    assertEquals(accounts, client.result("eth_accounts"));
    assertEquals(accounts, client.result("personal_listAccounts"));
  }

  @Test
  void aSignedMessageRecoversToItsAccount() throws Exception {
    String signature = client.result("eth_sign", NODE2, DATA).asText();

    byte[] bytes = Numeric.hexStringToByteArray(signature);
    assertEquals(65, bytes.length);
    assertTrue(bytes[64] == 27 || bytes[64] == 28);
    Sign.SignatureData parts =
        new Sign.SignatureData(
            bytes[64], Arrays.copyOfRange(bytes, 0, 32), Arrays.copyOfRange(bytes, 32, 64));
    BigInteger key = Sign.signedPrefixedMessageToKey(Numeric.hexStringToByteArray(DATA), parts);
    assertEquals(NODE2, "0x" + Keys.getAddress(key));
    assertEquals(NODE2, client.result("personal_ecRecover", DATA, signature).asText());
    assertEquals(signature, client.result("personal_sign", DATA, NODE2, "").asText());
  }

  @Test
  void onlyNodeAccountsWithTheirPassphraseSign() {
    assertEquals("unknown account", message(client.error("eth_sign", STRANGER, DATA)));
    assertEquals(
        "could not decrypt key with given passphrase",
        message(client.error("personal_sign", DATA, NODE1, "wrong")));
    assertEquals(
        "invalid Ethereum signature (V is not 27 or 28)",
        message(client.error("personal_ecRecover", DATA, "0x" + "11".repeat(65))));
  }

  @Test
  void aSignedTransactionIsEip155AndSendsAsIs() throws Exception {
    Map<String, Object> args =
        tx(
            "from",
            NODE1,
            "to",
            STRANGER,
            "gas",
            "0x5208",
            "gasPrice",
            "0x0",
            "nonce",
            "0x0",
            "value",
            "0x7");

    JsonNode result = client.result("eth_signTransaction", args);
    assertEquals(List.of("raw", "tx"), TraceCallTest.fields(result));
    String raw = result.get("raw").asText();
    JsonNode tx = result.get("tx");
    assertEquals(
        List.of("nonce", "gasPrice", "gas", "to", "value", "input", "v", "r", "s", "hash"),
        TraceCallTest.fields(tx));
    assertEquals(Hash.sha3(raw), tx.get("hash").asText());
    assertTrue(List.of(hex(1337 * 2 + 35), hex(1337 * 2 + 36)).contains(tx.get("v").asText()));
    SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(raw);
    assertEquals(NODE1, decoded.getFrom());
    assertEquals(BigInteger.valueOf(7), decoded.getValue());
    assertEquals(0, node.chain().head().number()); // signing sends nothing

    assertEquals(tx.get("hash").asText(), client.result("eth_sendRawTransaction", raw).asText());
    assertEquals(NODE1, receipt(tx.get("hash").asText()).get("from").asText());
    assertEquals(BigInteger.valueOf(7), balance(STRANGER, "latest"));
  }

  @Test
  void aPrivateSignedTransactionCarriesVOf37Or38() throws Exception {
    String payloadHash = "0x" + "ab".repeat(64);
    Map<String, Object> args =
        tx(
            "from",
            NODE3,
            "data",
            payloadHash,
            "gas",
            "0x7a120",
            "gasPrice",
            "0x0",
            "nonce",
            "0x0",
            "privateFor",
            List.of(KB));

    JsonNode tx = client.result("personal_signTransaction", args, "").get("tx");
    int v = Integer.parseInt(tx.get("v").asText().substring(2), 16);
    assertTrue(v == 37 || v == 38, tx.toString());
    assertEquals(payloadHash, tx.get("input").asText());
    RawTransaction unsigned =
        RawTransaction.createContractTransaction(
            BigInteger.ZERO,
            BigInteger.ZERO,
            BigInteger.valueOf(500_000),
            BigInteger.ZERO,
            payloadHash);
    Sign.SignatureData homestead =
        new Sign.SignatureData(
            (byte) (v - 10),
            Numeric.toBytesPadded(Numeric.toBigInt(tx.get("r").asText()), 32),
            Numeric.toBytesPadded(Numeric.toBigInt(tx.get("s").asText()), 32));
    BigInteger key = Sign.signedMessageToKey(TransactionEncoder.encode(unsigned), homestead);
    assertEquals(NODE3, "0x" + Keys.getAddress(key));
  }

  @Test
  void signingATransactionNeedsGasPriceAndNonce() {
    assertEquals(
        "gas not specified",
        message(client.error("eth_signTransaction", tx("from", NODE1, "to", STRANGER))));
    assertEquals(
        "gasPrice not specified",
        message(client.error("eth_signTransaction", tx("from", NODE1, "gas", "0x5208"))));
    assertEquals(
        "nonce not specified",
        message(
            client.error(
                "eth_signTransaction", tx("from", NODE1, "gas", "0x5208", "gasPrice", "0x0"))));
    Map<String, Object> complete =
        tx("from", NODE1, "gas", "0x5208", "gasPrice", "0x0", "nonce", "0x0");
    assertEquals(
        "could not decrypt key with given passphrase",
        message(client.error("personal_signTransaction", complete, "nope")));
    complete.put("from", STRANGER);
    assertEquals("unknown account", message(client.error("eth_signTransaction", complete)));
  }

  static String message(JsonNode error) {
    assertEquals(-32000, error.get("code").asInt(), error.toString());
    return error.get("message").asText();
  }
}
