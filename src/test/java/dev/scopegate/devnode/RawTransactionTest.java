package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.ContractUtils;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/** Transactions clients sign: public, private through Tessera's storeraw, filled by the node. */
class RawTransactionTest extends DevNodeTestBase {
  /** A client's own key, unknown to the node. */
  static final Credentials CLIENT =
      Credentials.create("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");

  static final long CHAIN_ID = DevNodeOptions.DEFAULT_CHAIN_ID;

  @Test
  void aClientSignedTransactionIsMinedUnderItsOwnHash() {
    send("from", NODE1, "to", CLIENT.getAddress(), "value", "0x9");
    String raw = sign(transfer(0, "0x5"), CHAIN_ID);

    String hash = client.result("eth_sendRawTransaction", raw).asText();
    assertEquals(Hash.sha3(raw), hash);
    JsonNode tx = client.result("eth_getTransactionByHash", hash);
    assertEquals(CLIENT.getAddress(), tx.get("from").asText());
    assertTrue(
        List.of(hex(CHAIN_ID * 2 + 35), hex(CHAIN_ID * 2 + 36)).contains(tx.get("v").asText()));
    assertEquals("0x1", receipt(hash).get("status").asText());
    assertEquals(BigInteger.valueOf(5), balance(STRANGER, "latest"));
    assertEquals(
        "0x1", client.result("eth_getTransactionCount", CLIENT.getAddress(), "latest").asText());
  }

  @Test
  void thePoolChecksNonceChainAndGasPrice() {
    client.result("eth_sendRawTransaction", sign(transfer(0, "0x0"), CHAIN_ID));

    assertEquals("nonce too low", rawError(sign(transfer(0, "0x0"), CHAIN_ID)));
    assertEquals("nonce too high", rawError(sign(transfer(5, "0x0"), CHAIN_ID)));
    assertEquals(
        "insufficient funds for gas * price + value", rawError(sign(transfer(1, "0x1"), CHAIN_ID)));
    // Another chain's id; chain id 1 would give v 37/38, which GoQuorum reads as private.
    assertEquals("invalid sender", rawError(sign(transfer(1, "0x0"), 2)));
    RawTransaction paid =
        RawTransaction.createEtherTransaction(
            BigInteger.ONE, BigInteger.TEN, BigInteger.valueOf(21_000), STRANGER, BigInteger.ZERO);
    assertEquals("Gas price not 0", rawError(sign(paid, CHAIN_ID)));
    // Homestead signatures (no chain id) are still accepted.
    String homestead =
        Numeric.toHexString(TransactionEncoder.signMessage(transfer(1, "0x0"), CLIENT));
    assertEquals(Hash.sha3(homestead), client.result("eth_sendRawTransaction", homestead).asText());
  }

  @Test
  void undecodableTransactionsGetGethsRlpErrors() {
    RawTransaction typed =
        RawTransaction.createEtherTransaction(
            CHAIN_ID,
            BigInteger.ZERO,
            BigInteger.valueOf(21_000),
            STRANGER,
            BigInteger.ONE,
            BigInteger.ZERO,
            BigInteger.ZERO);
    assertEquals("rlp: expected input list for types.txdata", rawError(sign(typed, CHAIN_ID)));
    assertEquals("rlp: too few elements for types.txdata", rawError("0xc3010203"));
  }

  @Test
  void aRawPrivateTransactionIsDistributedAndMinedPrivately() {
    String payloadHash = tessera.storeRaw(PLAIN_CODE, KB);
    assertEquals(404, tessera.transaction(payloadHash).statusCode()); // raw: not sent yet
    String raw =
        Numeric.toHexString(TransactionEncoder.signMessage(creation(0, payloadHash), CLIENT));

    String hash =
        client
            .result("eth_sendRawPrivateTransaction", raw, Map.of("privateFor", List.of(KC)))
            .asText();
    assertNotEquals(Hash.sha3(raw), hash); // v moved to 37/38 changes the hash
    JsonNode tx = client.result("eth_getTransactionByHash", hash);
    assertTrue(List.of("0x25", "0x26").contains(tx.get("v").asText()));
    assertEquals(CLIENT.getAddress(), tx.get("from").asText());
    assertEquals(payloadHash, tx.get("input").asText());
    String contract = ContractUtils.generateContractAddress(CLIENT.getAddress(), BigInteger.ZERO);
    assertEquals(contract, receipt(hash).get("contractAddress").asText());
    assertEquals(PLAIN_CODE, client.result("eth_getCode", contract, "latest").asText());
    JsonNode parties = RpcClient.parse(tessera.transaction(payloadHash).body());
    assertEquals(KB, parties.get("senderKey").asText());
    assertEquals(RpcClient.parse("[\"" + KB + "\",\"" + KC + "\"]"), parties.get("managedParties"));
  }

  @Test
  void aRawPrivateTransactionNeedsPrivateForAndAStoredPayload() {
    String payloadHash = tessera.storeRaw(PLAIN_CODE, KA);
    String raw =
        Numeric.toHexString(TransactionEncoder.signMessage(creation(0, payloadHash), CLIENT));
    assertEquals(
        "transaction is not private",
        SigningTest.message(client.error("eth_sendRawPrivateTransaction", raw, Map.of())));

    String unknown = "0x" + "12".repeat(64);
    String other =
        Numeric.toHexString(TransactionEncoder.signMessage(creation(0, unknown), CLIENT));
    JsonNode error =
        client.error("eth_sendRawPrivateTransaction", other, Map.of("privateFor", List.of(KB)));
    assertEquals(
        "Message with hash " + PayloadHash.ofHex(unknown).base64() + " was not found",
        SigningTest.message(error));
  }

  @Test
  void aDistributedPayloadIsSentLaterAsARawPrivateTransaction() {
    String payloadHash = tessera.storeRaw(PLAIN_CODE, KA);
    byte[] homestead = TransactionEncoder.signMessage(creation(0, payloadHash), CLIENT);
    String raw = markPrivate(homestead);

    String ptmHash =
        client
            .result("eth_distributePrivateTransaction", raw, Map.of("privateFor", List.of(KB)))
            .asText();
    assertEquals(130, ptmHash.length());
    assertEquals(0, node.chain().head().number()); // nothing mined
    JsonNode stored = RpcClient.parse(tessera.transaction(ptmHash).body());
    assertEquals(KA, stored.get("senderKey").asText());
    JsonNode signedTx =
        RpcClient.parse(new String(Base64.getDecoder().decode(stored.get("payload").asText())));
    assertEquals(payloadHash, signedTx.get("input").asText());
    assertEquals(Hash.sha3(raw), signedTx.get("hash").asText());

    String hash = client.result("eth_sendRawTransaction", raw).asText();
    assertEquals(Hash.sha3(raw), hash);
    String contract = ContractUtils.generateContractAddress(CLIENT.getAddress(), BigInteger.ZERO);
    assertEquals(PLAIN_CODE, client.result("eth_getCode", contract, "latest").asText());
  }

  @Test
  void aPrivateRawTransactionWithAnUnknownPayloadIsRefused() {
    String unknown = "0x" + "34".repeat(64);
    String raw = markPrivate(TransactionEncoder.signMessage(creation(0, unknown), CLIENT));
    assertEquals(
        "Message with hash " + PayloadHash.ofHex(unknown).base64() + " was not found",
        rawError(raw));
  }

  @Test
  void aFilledPrivateTransactionIsSignedAndSentByTheClient() {
    Map<String, Object> args = tx("from", NODE1, "data", PLAIN_CODE, "privateFor", List.of(KB));

    JsonNode filled = client.result("eth_fillTransaction", args);
    JsonNode tx = filled.get("tx");
    String payloadHash = tx.get("input").asText();
    assertEquals(130, payloadHash.length());
    assertEquals("0x0", tx.get("nonce").asText());
    assertEquals("0x0", tx.get("gasPrice").asText());
    assertEquals(
        hex(TransactionExecutor.intrinsicGas(Numeric.hexStringToByteArray(payloadHash), true)),
        tx.get("gas").asText());
    assertEquals("0x0", tx.get("v").asText());
    assertEquals(Hash.sha3(filled.get("raw").asText()), tx.get("hash").asText());
    assertEquals(404, tessera.transaction(payloadHash).statusCode()); // stored raw
    assertEquals(0, node.chain().head().number());

    Map<String, Object> toSign =
        tx(
            "from",
            NODE1,
            "data",
            payloadHash,
            "gas",
            tx.get("gas").asText(),
            "gasPrice",
            "0x0",
            "nonce",
            "0x0",
            "privateFor",
            List.of(KB));
    String raw = client.result("eth_signTransaction", toSign).get("raw").asText();
    String hash =
        client
            .result("eth_sendRawPrivateTransaction", raw, Map.of("privateFor", List.of(KB)))
            .asText();
    assertEquals(Hash.sha3(raw), hash); // already signed as private: unchanged
    assertEquals(PLAIN_CODE, client.result("eth_getCode", contractOf(hash), "latest").asText());
    assertEquals(
        KA, RpcClient.parse(tessera.transaction(payloadHash).body()).get("senderKey").asText());
  }

  @Test
  void aFilledPublicTransactionHasTheNextNonce() {
    send("from", NODE2, "to", STRANGER);
    JsonNode tx = client.result("eth_fillTransaction", tx("from", NODE2, "to", STRANGER)).get("tx");
    assertEquals("0x1", tx.get("nonce").asText());
    assertEquals("0x5208", tx.get("gas").asText());
    assertEquals("0x", tx.get("input").asText());
    assertEquals(STRANGER, tx.get("to").asText());
  }

  private String rawError(String raw) {
    return SigningTest.message(client.error("eth_sendRawTransaction", raw));
  }

  private static RawTransaction transfer(long nonce, String value) {
    return RawTransaction.createEtherTransaction(
        BigInteger.valueOf(nonce),
        BigInteger.ZERO,
        BigInteger.valueOf(21_000),
        STRANGER,
        Numeric.toBigInt(value));
  }

  private static RawTransaction creation(long nonce, String payloadHash) {
    return RawTransaction.createContractTransaction(
        BigInteger.valueOf(nonce),
        BigInteger.ZERO,
        BigInteger.valueOf(500_000),
        BigInteger.ZERO,
        payloadHash);
  }

  private static String sign(RawTransaction tx, long chainId) {
    return Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, CLIENT));
  }

  /** What web3j-quorum does to a Homestead signature: v 27/28 becomes 37/38. */
  private static String markPrivate(byte[] homestead) {
    SignedRawTransaction decoded =
        (SignedRawTransaction) TransactionDecoder.decode(Numeric.toHexString(homestead));
    Sign.SignatureData signature = decoded.getSignatureData();
    Sign.SignatureData privateSignature =
        new Sign.SignatureData(
            (byte) (signature.getV()[0] + 10), signature.getR(), signature.getS());
    return Numeric.toHexString(TransactionEncoder.encode(decoded, privateSignature));
  }
}
