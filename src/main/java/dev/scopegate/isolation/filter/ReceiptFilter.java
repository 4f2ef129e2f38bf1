package dev.scopegate.isolation.filter;

import dev.scopegate.isolation.Party;
import dev.scopegate.isolation.PrivacyFacts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.policy.ResponseFilter;
import dev.scopegate.privacy.Parties;
import dev.scopegate.upstream.Answer;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Receipts ({@code eth_getTransactionReceipt}, {@code eth_getPrivateTransactionReceipt}) as the
 * tenant may see them. A private transaction it is not party to: the receipt a non-party node
 * shows (GoQuorum keeps the public receipt there: success, no logs, a zero bloom, the contract
 * address still derived from sender and nonce). Any other: without the logs of private contracts
 * it is not party to, the bloom rebuilt from the logs left. An unknown transaction (null) passes.
 */
public final class ReceiptFilter implements ResponseFilter {
  private final PrivacyFacts facts;
  private final VisibleLogs visibleLogs;

  public ReceiptFilter(PrivacyFacts facts) {
    this.facts = facts;
    this.visibleLogs = new VisibleLogs(facts);
  }

  @Override
  public Future<Answer> filter(Principal tenant, RpcRequest request, Answer answer) {
    JsonNode receipt = answer.result();
    if (receipt == null || receipt.isNull()) {
      return Future.succeededFuture(answer);
    }
    return NodeData.attempt(() -> {
      if (!receipt.isObject()) {
        throw NodeData.malformed("receipt is not an object");
      }
      return facts.transaction(transactionHash(request, receipt)).compose(parties -> isForeign(tenant, parties)
          ? Future.succeededFuture(new Answer(asNonParty((ObjectNode) receipt), null))
          : withVisibleLogs(tenant, (ObjectNode) receipt, answer));
    });
  }

  private static boolean isForeign(Principal tenant, Optional<Parties> parties) {
    return parties.isPresent() && !Party.READER.is(tenant, parties.get());
  }

  /** The hash asked about: a marker's hash for a private receipt, which the resolver also knows. */
  private static String transactionHash(RpcRequest request, JsonNode receipt) {
    String asked = request.params().map(p -> p.path(0).textValue()).orElse(null);
    String hash = asked != null ? asked : receipt.path("transactionHash").textValue();
    if (hash == null) {
      throw NodeData.malformed("receipt without a transaction hash");
    }
    return hash;
  }

  private static ObjectNode asNonParty(ObjectNode receipt) {
    ObjectNode blank = receipt.deepCopy();
    blank.put("status", "0x1");
    blank.putArray("logs");
    blank.put("logsBloom", LogsBloom.ZERO);
    blank.remove("revertReason"); // private execution output: no non-party node has it
    return blank;
  }

  private Future<Answer> withVisibleLogs(Principal tenant, ObjectNode receipt, Answer answer) {
    JsonNode logs = receipt.path("logs");
    if (logs.isMissingNode() || logs.isNull()) {
      return Future.succeededFuture(answer);
    }
    if (!logs.isArray()) {
      throw NodeData.malformed("receipt logs are not a list");
    }
    List<JsonNode> all = new ArrayList<>();
    logs.forEach(all::add);
    return visibleLogs.of(tenant, all).map(kept -> {
      if (kept.size() == all.size()) {
        return answer;
      }
      ObjectNode narrowed = receipt.deepCopy();
      ArrayNode keptLogs = narrowed.putArray("logs");
      kept.forEach(keptLogs::add);
      narrowed.put("logsBloom", LogsBloom.of(kept));
      return new Answer(narrowed, null);
    });
  }
}
