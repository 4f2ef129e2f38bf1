package dev.scopegate.devnode;

import static dev.scopegate.devnode.Await.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** One dev node per test on a free port, and a client for it. */
@ExtendWith(VertxExtension.class)
abstract class DevNodeTestBase {
  static final String NODE1 = "0xed9d02e382b34818e88b88a309c7fe71e65f419d";
  static final String NODE2 = "0xca843569e3427144cead5e4d5999a3d0ccf92b8e";
  static final String NODE3 = "0x0fbdc686b912d7722dc86510934589e0aaf3b55a";
  /** Funded at genesis but not managed by the node. */
  static final String OUTSIDER = "0x9186eb3d20cbd1f5f992a950d808c4495153abd5";
  static final String STRANGER = "0x1111111111111111111111111111111111111111";
  /** 10^27 wei, the genesis allocation. */
  static final BigInteger GENESIS_BALANCE = BigInteger.TEN.pow(27);

  static final String KA = DevTessera.KA;
  static final String KB = DevTessera.KB;
  static final String KC = DevTessera.KC;
  static final String FOREIGN_X = DevTessera.FOREIGN_X;
  static final String FOREIGN_Y = DevTessera.FOREIGN_Y;
  /** Code that is neither a factory nor a reacher. */
  static final String PLAIN_CODE = "0x6080604052";

  DevNode node;
  RpcClient client;
  DevTesseraClient tessera;

  DevNodeOptions options() {
    return DevNodeOptions.defaults();
  }

  @BeforeEach
  void startNode(Vertx vertx) {
    node = await(DevNode.start(vertx, options()));
    client = new RpcClient(node.httpUrl());
    tessera = new DevTesseraClient(node.tessera().url());
  }

  @AfterEach
  void closeNode() {
    await(node.close());
  }

  static String hex(BigInteger value) {
    return "0x" + value.toString(16);
  }

  static String hex(long value) {
    return "0x" + Long.toHexString(value);
  }

  /** An eth_sendTransaction object; pairs of field name and value. */
  static Map<String, Object> tx(Object... fields) {
    Map<String, Object> tx = new LinkedHashMap<>();
    for (int i = 0; i < fields.length; i += 2) {
      tx.put((String) fields[i], fields[i + 1]);
    }
    return tx;
  }

  String send(Object... fields) {
    return client.result("eth_sendTransaction", tx(fields)).asText();
  }

  /** The receipt of a transaction that must have been mined. */
  JsonNode receipt(String hash) {
    return client.result("eth_getTransactionReceipt", hash);
  }

  /** A private creation from NODE1 with the given privacy fields; its transaction hash. */
  String createPrivately(String code, Object... privacy) {
    Object[] fields = new Object[4 + privacy.length];
    fields[0] = "from";
    fields[1] = NODE1;
    fields[2] = "data";
    fields[3] = code;
    System.arraycopy(privacy, 0, fields, 4, privacy.length);
    return send(fields);
  }

  String contractOf(String creationHash) {
    return receipt(creationHash).get("contractAddress").asText();
  }

  /** The two-tenant chain of {@link DevScenario}, seeded on this test's node. */
  Scenario seed() {
    return DevScenario.seed(node.chain());
  }

  /** The word a contract keeps in slot 0 and returns when called: keccak of its code. */
  static String word(String code) {
    return org.web3j.crypto.Hash.sha3(code);
  }

  String code(Address contract) {
    return client.result("eth_getCode", contract.hex(), "latest").asText();
  }

  BigInteger balance(String address, String block) {
    String quantity = client.result("eth_getBalance", address, block).asText();
    return new BigInteger(quantity.substring(2), 16);
  }
}
