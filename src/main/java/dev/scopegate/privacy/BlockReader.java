package dev.scopegate.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.privacy.ContractFact.Origin;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one block's privacy facts from the node and Tessera. A block without private
 * transactions costs one request; otherwise Tessera is asked about each private transaction, the
 * node for their receipts in one batch, and for one trace of the whole block. Any answer missing
 * fails the read: the index stops at this block rather than record a guess.
 */
final class BlockReader {
  private static final Logger LOG = LoggerFactory.getLogger(BlockReader.class);
  private static final Map<String, String> CALL_TRACER = Map.of("tracer", "callTracer", "timeout", "120s");

  private final NodeRpc node;
  private final TesseraClient tessera;
  private final NodeCapabilities capabilities;
  private final ExtenderCode extenderCode;

  BlockReader(NodeRpc node, TesseraClient tessera, NodeCapabilities capabilities, ExtenderCode extenderCode) {
    this.node = node;
    this.tessera = tessera;
    this.capabilities = capabilities;
    this.extenderCode = extenderCode;
  }

  /**
   * Reads {@code count} blocks from {@code first}, in order: their headers and transactions in
   * one batched request, then the extra questions of those that hold private transactions.
   */
  Future<List<RawBlock>> read(long first, int count) {
    List<NodeRpc.Call> calls = new ArrayList<>(count);
    for (long n = first; n < first + count; n++) {
      calls.add(new NodeRpc.Call("eth_getBlockByNumber", ChainFormat.hex(n), true));
    }
    return node.batch(calls).compose(blocks -> {
      List<Future<RawBlock>> reads = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        JsonNode block = blocks.get(i);
        if (block == null || block.isNull()) {
          return Future.failedFuture(new NodeRpcException("block " + (first + i) + " not found"));
        }
        reads.add(readPrivate(first + i, block));
      }
      return Future.all(reads).map(all -> reads.stream().map(Future::result).toList());
    });
  }

  private Future<RawBlock> readPrivate(long number, JsonNode block) {
    List<PrivateTx> found = new ArrayList<>();
    JsonNode txs = block.path("transactions");
    for (int i = 0; i < txs.size(); i++) {
      JsonNode tx = txs.get(i);
      if (ChainFormat.isPrivate(tx)) {
        found.add(PrivateTx.direct(i, tx));
      } else if (isMarker(tx)) {
        found.add(PrivateTx.marker(i, tx));
      }
    }
    String hash = ChainFormat.lower(block.path("hash"));
    String parent = ChainFormat.lower(block.path("parentHash"));
    if (found.isEmpty()) {
      return Future.succeededFuture(new RawBlock(number, hash, parent));
    }
    List<Future<PrivateTx>> resolving = found.stream().map(this::resolveParties).toList();
    return Future.all(resolving)
        .compose(done -> facts(number, hash, parent, resolving.stream().map(Future::result).toList()));
  }

  private boolean isMarker(JsonNode tx) {
    return capabilities.markerPrecompile().filter(p -> p.equals(ChainFormat.lower(tx.path("to")))).isPresent();
  }

  /** Fills in the parties (and, for a marker, the private transaction inside). */
  private Future<PrivateTx> resolveParties(PrivateTx tx) {
    Future<JsonNode> inner =
        tx.isMarker() ? node.call("eth_getPrivateTransactionByHash", tx.hash()) : Future.succeededFuture(tx.raw());
    return inner.compose(
        privateTx -> {
          if (privateTx == null || privateTx.isNull()) {
            return Future.succeededFuture(tx.withParties(tx.hash(), null, Parties.NONE));
          }
          String innerHash = ChainFormat.lower(privateTx.path("hash"));
          byte[] payload = ChainFormat.payloadHash(privateTx);
          return tessera.parties(payload).map(p -> tx.withParties(innerHash, payload, p));
        });
  }

  private Future<RawBlock> facts(long number, String hash, String parent, List<PrivateTx> txs) {
    List<PrivateTx> ours = txs.stream().filter(t -> !t.parties().isEmpty()).toList();
    List<TxFact> txFacts = txs.stream().map(t -> new TxFact(t.hash(), t.innerHash(), t.parties(), number)).toList();
    if (ours.isEmpty()) {
      return Future.succeededFuture(new RawBlock(number, hash, parent, txFacts, List.of(), List.of(), List.of()));
    }
    Future<List<JsonNode>> receipts =
        node.batch(ours.stream().map(t -> new NodeRpc.Call(t.isMarker() ? "eth_getPrivateTransactionReceipt" : "eth_getTransactionReceipt", t.hash())).toList());
    Future<JsonNode> traces = trace(number, ours);
    return Future.all(receipts, traces)
        .compose(all -> extenders(number, ours, receipts.result()).map(extenders -> {
          List<ContractFact> created = new ArrayList<>();
          for (int k = 0; k < ours.size(); k++) {
            PrivateTx tx = ours.get(k);
            JsonNode receipt = receipts.result().get(k);
            JsonNode address = receipt == null ? null : receipt.get("contractAddress");
            if (address != null && !address.isNull()) {
              created.add(new ContractFact(ChainFormat.lower(address), tx.parties(), number, tx.hash(), Origin.CREATED));
            }
            TraceFrames.creations(traces.result(), tx.index())
                .forEach(a -> created.add(new ContractFact(a, tx.parties(), number, tx.hash(), Origin.CREATED_INSIDE)));
          }
          return new RawBlock(number, hash, parent, txFacts, created, extenders, shares(ours, receipts.result()));
        }));
  }

  /** The block's trace, or null when the node cannot give it (the creations inside stay unknown). */
  private Future<JsonNode> trace(long number, List<PrivateTx> ours) {
    if (!capabilities.debug() || ours.stream().allMatch(PrivateTx::isMarker)) {
      return Future.succeededFuture(null);
    }
    return node.call("debug_traceBlockByNumber", ChainFormat.hex(number), CALL_TRACER)
        .recover(e -> {
          if (e instanceof NodeRpcException) {
            LOG.warn("block {}: no trace ({}); contracts created inside its private transactions stay unknown", number, e.getMessage());
            return Future.succeededFuture(null);
          }
          return Future.failedFuture(e);
        });
  }

  /**
   * The extension management contracts these transactions create: a receipt's contractAddress
   * that logged {@code NewContractExtensionContractCreated} and whose code, at this block, is
   * GoQuorum's {@code ContractExtender}. Its creator is the sender Tessera reports for the
   * creating payload. Anything else that logs the event is just a contract.
   */
  private Future<List<ExtenderFact>> extenders(long number, List<PrivateTx> ours, List<JsonNode> receipts) {
    List<Future<Optional<ExtenderFact>>> found = new ArrayList<>();
    for (int k = 0; k < ours.size(); k++) {
      PrivateTx tx = ours.get(k);
      JsonNode receipt = receipts.get(k);
      JsonNode address = receipt == null ? null : receipt.get("contractAddress");
      if (address == null || address.isNull() || tx.payloadHash() == null) {
        continue;
      }
      String created = ChainFormat.lower(address);
      for (JsonNode log : receipt.path("logs")) {
        if (ExtenderCreated.matches(log, created)) {
          decodeOrWarn(() -> ExtenderCreated.decode(log), tx, "NewContractExtensionContractCreated")
              .ifPresent(event -> found.add(extender(number, tx, created, event)));
          break;
        }
      }
    }
    return Future.all(found).map(all -> found.stream().flatMap(f -> f.result().stream()).toList());
  }

  private Future<Optional<ExtenderFact>> extender(long number, PrivateTx tx, String address, ExtenderCreated event) {
    Future<JsonNode> code = node.call("eth_getCode", address, ChainFormat.hex(number));
    Future<Optional<StoredPayload>> payload = tessera.payload(tx.payloadHash());
    return Future.all(code, payload).map(all -> {
      byte[] runtime;
      try {
        runtime = ChainFormat.data(code.result());
      } catch (Abi.Malformed e) {
        throw new NodeRpcException("eth_getCode of " + address + " answered " + code.result());
      }
      if (!extenderCode.isGenuine(runtime) || payload.result().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new ExtenderFact(
          address, event.extended(), event.recipientKey(), payload.result().get().senderKey(), number, tx.hash()));
    });
  }

  /**
   * The StateShared logs of these receipts, to be judged by the merger. A log that does not
   * decode is skipped with a warning: whoever emitted it must not stop the index.
   */
  private static List<StateShared> shares(List<PrivateTx> ours, List<JsonNode> receipts) {
    List<StateShared> found = new ArrayList<>();
    for (int k = 0; k < ours.size(); k++) {
      PrivateTx tx = ours.get(k);
      JsonNode receipt = receipts.get(k);
      if (receipt == null) {
        continue;
      }
      for (JsonNode log : receipt.path("logs")) {
        if (StateShared.matches(log)) {
          decodeOrWarn(() -> StateShared.decode(log, tx.hash()), tx, "StateShared").ifPresent(found::add);
        }
      }
    }
    return found;
  }

  private static <T> Optional<T> decodeOrWarn(Supplier<T> decode, PrivateTx tx, String event) {
    try {
      return Optional.of(decode.get());
    } catch (Abi.Malformed malformed) {
      LOG.warn("transaction {}: skipped a malformed {} log ({})", tx.hash(), event, malformed.getMessage());
      return Optional.empty();
    }
  }
}
