package dev.scopegate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.devnode.Block;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.PayloadHash;
import dev.scopegate.devnode.PayloadRecord;
import dev.scopegate.devnode.PrivacyRequest;
import dev.scopegate.devnode.Transaction;
import dev.scopegate.devnode.TransactionRequest;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A tenant's own node: a second dev node on the same chain whose Tessera holds only that tenant's
 * keys. It replays every block of the source node, transaction by transaction, with the payloads
 * its keys are party to and none of the others — so it executes what a node of that tenant would
 * execute, and answers what that node would answer. Non-party answers are computed by asking it,
 * never typed into a test:
 *
 * <pre>{@code
 * try (NonPartyNode own = NonPartyNode.start(vertx, stack.node(), DevNodeOptions.defaults(), KA)) {
 *   JsonNode expected = own.answer("eth_getContractPrivacyMetadata", "[\"" + contractOfB + "\"]");
 *   // ... Scopegate's answer to tenant A must equal expected.get("error") (or "result") byte for byte
 * }
 * }</pre>
 *
 * Call {@link #catchUp()} after the source mined more blocks. Block hashes and timestamps differ
 * from the source's; numbers, accounts, contract addresses and states match. Limits: the source
 * must not use privacy markers, and public transactions must come from node accounts (as the dev
 * node's own sends do).
 */
public final class NonPartyNode implements AutoCloseable {
  private final DevNode source;
  private final DevNode node;

  private NonPartyNode(DevNode source, DevNode node) {
    this.source = source;
    this.node = node;
  }

  /** Starts a node holding only {@code keys}, with the source's {@code options}, and replays the source. */
  public static NonPartyNode start(Vertx vertx, DevNode source, DevNodeOptions options, String... keys)
      throws Exception {
    if (options.privacyMarkers()) {
      throw new IllegalArgumentException("replaying privacy markers is not supported");
    }
    DevNode node = DevNode.start(vertx, options.withPort(0).withTesseraKeys(List.of(keys))).await(10, TimeUnit.SECONDS);
    NonPartyNode replica = new NonPartyNode(source, node);
    replica.catchUp();
    return replica;
  }

  /** Mines, block for block, what the source mined since the last catch-up. */
  public void catchUp() {
    long head = source.chain().head().number();
    for (long n = node.chain().head().number() + 1; n <= head; n++) {
      Block block = source.chain().block(n).orElseThrow();
      List<TransactionRequest> requests = new ArrayList<>();
      block.transactions().forEach(tx -> requests.add(replay(tx)));
      node.chain().mineBlock(requests);
    }
  }

  private TransactionRequest replay(Transaction tx) {
    if (!tx.isPrivate()) {
      return new TransactionRequest(tx.from(), tx.to(), tx.value(), OptionalLong.of(tx.gas()), tx.gasPrice(),
          OptionalLong.of(tx.nonce()), tx.input());
    }
    PayloadHash hash = PayloadHash.ofHex(tx.input());
    Optional<PayloadRecord> record = source.chain().tessera().find(hash);
    record.ifPresent(r -> node.chain().tessera().store(r));
    PrivacyRequest privacy = new PrivacyRequest(
        record.map(PayloadRecord::senderKey).orElse(""),
        record.map(PayloadRecord::recipients).orElse(List.of()),
        record.map(PayloadRecord::privacyFlag).orElse(0), true, Optional.of(hash));
    return new TransactionRequest(tx.from(), tx.to(), tx.value(), OptionalLong.of(tx.gas()), tx.gasPrice(),
        OptionalLong.of(tx.nonce()), tx.input(), Optional.of(privacy));
  }

  public DevNode node() {
    return node;
  }

  /** The node's whole JSON-RPC answer to one call ({@code params} a JSON array). */
  public JsonNode answer(String method, String params) {
    return Wire.json(Wire.post(node.httpUrl(), Wire.call(1, method, params)));
  }

  @Override
  public void close() throws Exception {
    node.close().await(10, TimeUnit.SECONDS);
  }
}
