package dev.scopegate.isolation;

import dev.scopegate.isolation.filter.LogsFilter;
import static dev.scopegate.isolation.Logs.FOREIGN;
import static dev.scopegate.isolation.Logs.OURS;
import static dev.scopegate.isolation.Logs.PUBLIC;
import static dev.scopegate.isolation.Logs.TRANSFER;
import static dev.scopegate.isolation.Tenants.KEY_A;
import static dev.scopegate.isolation.Tenants.KEY_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.privacy.ContractPrivacy;
import dev.scopegate.privacy.Parties;
import dev.scopegate.upstream.Answer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class LogsFilterTest {
  private static final Principal ALICE = Tenants.tenant("alice", KEY_A);
  private static final RpcRequest GET_LOGS =
      new RpcRequest(Optional.empty(), "eth_getLogs", Optional.of(Json.MAPPER.createArrayNode()));

  private final FakeFacts facts = new FakeFacts();
  private final LogsFilter filter = new LogsFilter(facts);

  private static List<String> logIndices(JsonNode logs) {
    return StreamSupport.stream(logs.spliterator(), false).map(l -> l.path("logIndex").textValue()).toList();
  }

  @Test
  void dropsForeignLogsKeepingOrderWithOneLookupPerContract() throws Exception {
    facts.privateContract(OURS, KEY_A).privateContract(FOREIGN, KEY_B).publicContract(PUBLIC)
        .privateTransaction(Logs.TX, KEY_A);
    ArrayNode logs = Logs.list(
        Logs.log(OURS, 3, 0, TRANSFER), Logs.log(FOREIGN, 3, 1), Logs.log(PUBLIC, 4, 0),
        Logs.log(FOREIGN, 5, 0), Logs.log(OURS.toUpperCase().replace("0X", "0x"), 6, 0),
        Logs.log(PUBLIC, 6, 1), Logs.log(FOREIGN, 9, 0), Logs.log(OURS, 9, 1), Logs.log(PUBLIC, 9, 2));

    JsonNode shown = Completed.value(filter.filter(ALICE, GET_LOGS, new Answer(logs, null))).result();

    assertEquals(List.of("0x0", "0x0", "0x0", "0x1", "0x1", "0x2"), logIndices(shown));
    assertEquals(List.of(OURS, PUBLIC, OURS, PUBLIC, OURS, PUBLIC),
        StreamSupport.stream(shown.spliterator(), false)
            .map(l -> l.path("address").textValue().toLowerCase()).toList());
    assertEquals(Map.of(OURS, 1, FOREIGN, 1, PUBLIC, 1), facts.contractLookups);
    assertEquals(Map.of(OURS, 9L, FOREIGN, 9L, PUBLIC, 9L), facts.blockAsked, "latest block of each");
    assertEquals(1, facts.transactionLookups, "one question per transaction, only for logs still in doubt");
  }

  @Test
  void ourContractsLogFromAnotherTenantsPrivateTransactionIsHidden() throws Exception {
    String theirs = "0x" + "7".repeat(64);
    facts.privateContract(OURS, KEY_A).publicContract(PUBLIC)
        .privateTransaction(Logs.TX, KEY_A).privateTransaction(theirs, KEY_B);
    ArrayNode logs = Logs.list(
        Logs.log(OURS, 3, 0), Logs.in(theirs, Logs.log(OURS, 4, 0)), Logs.in(theirs, Logs.log(PUBLIC, 4, 1)));

    JsonNode shown = Completed.value(filter.filter(ALICE, GET_LOGS, new Answer(logs, null))).result();

    assertEquals(Logs.list(Logs.log(OURS, 3, 0), Logs.in(theirs, Logs.log(PUBLIC, 4, 1))), shown);
  }

  @Test
  void aPrivateLogFromATransactionNotKnownPrivateFailsTheAnswer() throws Exception {
    facts.privateContract(OURS, KEY_A); // Logs.TX undeclared: public, not a private transaction
    Completed.failsWith(RpcError.PRIVACY_UNAVAILABLE,
        filter.filter(ALICE, GET_LOGS, new Answer(Logs.list(Logs.log(OURS, 3, 0)), null)));

    FakeFacts unknown = new FakeFacts().privateContract(OURS, KEY_A).unknownTransaction(Logs.TX);
    Completed.failsWith(RpcError.PRIVACY_UNAVAILABLE,
        new LogsFilter(unknown).filter(ALICE, GET_LOGS, new Answer(Logs.list(Logs.log(OURS, 3, 0)), null)));
  }

  @Test
  void aPendingLogIsDecidedAtTheHeadNotAtBlockZero() throws Exception {
    facts.publicContract(PUBLIC).privateContract(OURS, KEY_A).privateTransaction(Logs.TX, KEY_A);
    ObjectNode pending = Logs.log(OURS, 0, 0);
    pending.putNull("blockNumber");
    ObjectNode missing = Logs.log(PUBLIC, 0, 1);
    missing.remove("blockNumber");

    Completed.value(filter.filter(ALICE, GET_LOGS, new Answer(Logs.list(Logs.log(OURS, 2, 0), pending, missing), null)));

    assertEquals(Map.of(OURS, FakeFacts.AT_HEAD, PUBLIC, FakeFacts.AT_HEAD), facts.blockAsked);
  }

  @Test
  void tenantWithoutKeysSeesPublicLogsOnly() throws Exception {
    facts.privateContract(OURS, KEY_A).publicContract(PUBLIC);
    ArrayNode logs = Logs.list(Logs.log(OURS, 3, 0), Logs.log(PUBLIC, 3, 1));

    JsonNode shown = Completed.value(
        filter.filter(Tenants.tenant("nobody"), GET_LOGS, new Answer(logs, null))).result();

    assertEquals(Logs.list(Logs.log(PUBLIC, 3, 1)), shown);
  }

  @Test
  void everyLogVisibleLeavesTheAnswerAsItWas() throws Exception {
    facts.privateContract(OURS, KEY_A).publicContract(PUBLIC).privateTransaction(Logs.TX, KEY_A);
    Answer answer = new Answer(Logs.list(Logs.log(OURS, 3, 0), Logs.log(PUBLIC, 3, 1)), null);

    assertSame(answer, Completed.value(filter.filter(ALICE, GET_LOGS, answer)));
  }

  @Test
  void hashesOfBlockAndPendingFiltersPass() throws Exception {
    ArrayNode hashes = Json.MAPPER.createArrayNode()
        .add("0x9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b")
        .add(Logs.TX);
    for (JsonNode result : List.of(hashes, Json.MAPPER.createArrayNode(), NullNode.getInstance())) {
      Answer answer = new Answer(result, null);
      assertSame(answer, Completed.value(filter.filter(ALICE, GET_LOGS, answer)));
    }
    assertEquals(Map.of(), facts.contractLookups);
  }

  @Test
  void contractWhosePartiesAreUnknownFailsTheWholeAnswer() throws Exception {
    facts.publicContract(PUBLIC); // OURS: parties unknown
    ArrayNode logs = Logs.list(Logs.log(PUBLIC, 3, 0), Logs.log(OURS, 3, 1));

    Completed.failsWith(RpcError.PRIVACY_UNAVAILABLE, filter.filter(ALICE, GET_LOGS, new Answer(logs, null)));
  }

  @Test
  void logsThatCannotBeCheckedAreRefused() throws Exception {
    facts.publicContract(PUBLIC);
    ArrayNode noAddress = Logs.list(Logs.log(PUBLIC, 3, 0));
    ((ObjectNode) noAddress.get(0)).remove("address");
    ArrayNode mixed = Logs.list(Logs.log(PUBLIC, 3, 0)).add(Logs.TX);

    for (JsonNode result : List.<JsonNode>of(noAddress, mixed, TextNode.valueOf("0x1"))) {
      Completed.failsWith(RpcError.UPSTREAM_BAD_RESPONSE, filter.filter(ALICE, GET_LOGS, new Answer(result, null)));
    }
  }

  @Test
  void answersThatArriveLaterOnTheEventLoopAreAwaited(Vertx vertx, VertxTestContext test) {
    List<Promise<ContractPrivacy>> pending = new ArrayList<>();
    PrivacyFacts later = new PrivacyFacts() {
      @Override
      public Future<ContractPrivacy> contract(String address, long block) {
        Promise<ContractPrivacy> promise = Promise.promise();
        pending.add(promise);
        vertx.runOnContext(v -> promise.complete(address.equals(FOREIGN)
            ? new ContractPrivacy.Private(Parties.of(KEY_B))
            : ContractPrivacy.PUBLIC));
        return promise.future();
      }

      @Override
      public Future<ContractPrivacy> contractAtHead(String address) {
        return contract(address, 0);
      }

      @Override
      public Future<Optional<Parties>> transaction(String hash) {
        return Future.succeededFuture(Optional.empty());
      }
    };
    ArrayNode logs = Logs.list(Logs.log(FOREIGN, 3, 0), Logs.log(PUBLIC, 3, 1), Logs.log(FOREIGN, 3, 2));

    vertx.runOnContext(v -> new LogsFilter(later).filter(ALICE, GET_LOGS, new Answer(logs, null))
        .onComplete(test.succeeding(shown -> test.verify(() -> {
          assertEquals(Logs.list(Logs.log(PUBLIC, 3, 1)), shown.result());
          assertEquals(2, pending.size());
          test.completeNow();
        }))));
  }
}
