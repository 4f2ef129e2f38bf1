package dev.scopegate.isolation;

import static dev.scopegate.isolation.Logs.FOREIGN;
import static dev.scopegate.isolation.Logs.OURS;
import static dev.scopegate.isolation.Tenants.KEY_A;
import static dev.scopegate.isolation.Tenants.KEY_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcCall;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.jsonrpc.RpcResponse;
import dev.scopegate.pipeline.Dispatcher;
import dev.scopegate.policy.Policy;
import dev.scopegate.policy.PolicyTable;
import dev.scopegate.upstream.Answer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

/**
 * Filter calls through the pipeline (production's policy table, guards, node, filters), against a
 * node that records what reaches it: ids are bound to their tenant, and what is refused never reaches it.
 */
class FilterRulesTest {
  private static final String NODE_ID = "0x5d2f0c1b9a8e7d6c5b4a39281706f5e4";
  private static final String BLOCK_HASH = "0x9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b";
  private static final byte[] SECRET = "replicas share this".getBytes(StandardCharsets.UTF_8);
  private static final Principal ALICE = Tenants.tenant("alice", KEY_A);
  private static final Principal BOB = Tenants.tenant("bob", KEY_B);

  private final FakeFacts facts = new FakeFacts().privateContract(OURS, KEY_A).privateContract(FOREIGN, KEY_B)
      .privateTransaction(Logs.TX, KEY_A, KEY_B);
  private final RecordingUpstream node = new RecordingUpstream(this::nodeAnswer);

  private Answer nodeAnswer(RpcRequest request) {
    return switch (request.method()) {
      case "eth_newBlockFilter", "eth_newFilter", "eth_newPendingTransactionFilter" ->
          new Answer(TextNode.valueOf(NODE_ID), null);
      case "eth_getFilterChanges" -> new Answer(Json.MAPPER.createArrayNode().add(BLOCK_HASH), null);
      case "eth_getFilterLogs" -> new Answer(Logs.list(Logs.log(FOREIGN, 4, 0), Logs.log(OURS, 4, 1)), null);
      case "eth_uninstallFilter" -> new Answer(BooleanNode.TRUE, null);
      default -> throw new AssertionError("unexpected " + request.method());
    };
  }

  private Dispatcher dispatcher(FilterIds ids) {
    // production's whole table; guards of other methods are never reached here, so they get no node
    GuardContext none = new GuardContext(null, null, null, () -> null, Optional.empty());
    return new Dispatcher(new Policy(PolicyTable.standard(IsolationRules.create(none, facts, ids))), node);
  }

  private final Dispatcher dispatcher = dispatcher(new FilterIds(SECRET));

  private static RpcRequest call(String method, JsonNode... params) {
    return new RpcRequest(Optional.of(IntNode.valueOf(1)), method, Optional.of(Logs.list(params)));
  }

  private static RpcResponse one(Dispatcher dispatcher, Principal who, RpcRequest request) throws Exception {
    List<RpcResponse> responses = Completed.value(dispatcher.dispatch(who, List.<RpcCall>of(request))).responses();
    assertEquals(1, responses.size());
    return responses.get(0);
  }

  private RpcResponse send(Principal who, RpcRequest request) throws Exception {
    return one(dispatcher, who, request);
  }

  private String newFilter(Principal who, String method) throws Exception {
    RpcResponse created = send(who, call(method));
    node.received.clear();
    return created.result().textValue();
  }

  private static void assertFilterNotFound(RpcResponse response) {
    assertNull(response.result());
    assertEquals(-32000, response.error().path("code").intValue());
    assertEquals("filter not found", response.error().path("message").textValue());
  }

  @Test
  void newFilterIdsAreTheTenantsNotTheNodes() throws Exception {
    for (String method : List.of("eth_newBlockFilter", "eth_newFilter", "eth_newPendingTransactionFilter")) {
      String issued = send(ALICE, call(method)).result().textValue();

      assertNotEquals(NODE_ID, issued);
      assertEquals(Optional.of(NODE_ID), new FilterIds(SECRET).redeem(TenantIdentity.of(ALICE).orElseThrow(), issued));
    }
  }

  @Test
  void pollingWithTheIssuedIdReachesTheNodesFilter() throws Exception {
    String id = newFilter(ALICE, "eth_newBlockFilter");

    RpcResponse changes = send(ALICE, call("eth_getFilterChanges", TextNode.valueOf(id)));

    assertEquals(Json.MAPPER.createArrayNode().add(BLOCK_HASH), changes.result());
    assertEquals(1, node.received.size());
    assertEquals(Logs.list(TextNode.valueOf(NODE_ID)), node.received.get(0).params().orElseThrow());
  }

  @Test
  void idResentWithoutLeadingZerosInUpperCaseStillWorks() throws Exception {
    String id = newFilter(ALICE, "eth_newBlockFilter");
    String resent = "0X" + Numeric.toHexStringNoPrefix(Numeric.decodeQuantity(id)).toUpperCase(Locale.ROOT);

    RpcResponse changes = send(ALICE, call("eth_getFilterChanges", TextNode.valueOf(resent)));

    assertNull(changes.error());
    assertEquals(NODE_ID, node.received.get(0).params().orElseThrow().get(0).textValue());
  }

  @Test
  void anotherTenantsIdIsNotFoundAndNeverForwarded() throws Exception {
    String alices = newFilter(ALICE, "eth_newFilter");

    assertFilterNotFound(send(BOB, call("eth_getFilterChanges", TextNode.valueOf(alices))));
    assertFilterNotFound(send(BOB, call("eth_getFilterLogs", TextNode.valueOf(alices))));
    RpcResponse uninstall = send(BOB, call("eth_uninstallFilter", TextNode.valueOf(alices)));

    assertEquals(BooleanNode.FALSE, uninstall.result(), "as geth answers an id it does not know");
    assertEquals(List.of(), node.received);
  }

  @Test
  void theNodesOwnIdIsNotFoundAndNeverForwarded() throws Exception {
    newFilter(ALICE, "eth_newBlockFilter");

    assertFilterNotFound(send(ALICE, call("eth_getFilterChanges", TextNode.valueOf(NODE_ID))));
    assertEquals(List.of(), node.received);
  }

  @Test
  void tamperedIdIsNotFound() throws Exception {
    String id = newFilter(ALICE, "eth_newBlockFilter");
    char last = id.charAt(id.length() - 1);
    String tampered = id.substring(0, id.length() - 1) + (last == '0' ? '1' : '0');

    assertFilterNotFound(send(ALICE, call("eth_getFilterChanges", TextNode.valueOf(tampered))));
    assertEquals(List.of(), node.received);
  }

  @Test
  void idsWorkOnAReplicaWithTheSameSecretOnly() throws Exception {
    String id = newFilter(ALICE, "eth_newBlockFilter");

    RpcResponse onReplica =
        one(dispatcher(new FilterIds(SECRET.clone())), ALICE, call("eth_getFilterChanges", TextNode.valueOf(id)));
    assertNull(onReplica.error());
    assertEquals(NODE_ID, node.received.get(0).params().orElseThrow().get(0).textValue());
    node.received.clear();

    RpcResponse elsewhere = one(dispatcher(new FilterIds("not the same".getBytes(StandardCharsets.UTF_8))), ALICE,
        call("eth_getFilterChanges", TextNode.valueOf(id)));
    assertFilterNotFound(elsewhere);
    assertEquals(List.of(), node.received);
  }

  @Test
  void filterLogsAreNarrowedToTheTenant() throws Exception {
    String id = newFilter(ALICE, "eth_newFilter");

    RpcResponse logs = send(ALICE, call("eth_getFilterLogs", TextNode.valueOf(id)));

    assertEquals(Logs.list(Logs.log(OURS, 4, 1)), logs.result());
  }

  @Test
  void uninstallingOnesOwnFilterReachesTheNode() throws Exception {
    String id = newFilter(ALICE, "eth_newBlockFilter");

    RpcResponse uninstall = send(ALICE, call("eth_uninstallFilter", TextNode.valueOf(id)));

    assertEquals(BooleanNode.TRUE, uninstall.result());
    assertEquals(Logs.list(TextNode.valueOf(NODE_ID)), node.received.get(0).params().orElseThrow());
  }

  @Test
  void missingIdIsInvalidParamsAndNeverForwarded() throws Exception {
    RpcRequest noParams = new RpcRequest(Optional.of(IntNode.valueOf(1)), "eth_getFilterChanges", Optional.empty());

    RpcResponse response = send(ALICE, noParams);

    assertEquals(-32602, response.error().path("code").intValue());
    assertEquals(-32602, send(ALICE, call("eth_uninstallFilter", IntNode.valueOf(7))).error().path("code").intValue());
    assertEquals(List.of(), node.received);
  }

  @Test
  void tokenWithoutTenantOrSubjectGetsNoFilter() throws Exception {
    Principal anonymous = Tenants.principal("", Optional.empty(), KEY_A);

    for (String method : List.of("eth_newBlockFilter", "eth_newFilter", "eth_newPendingTransactionFilter")) {
      RpcResponse created = send(anonymous, call(method));

      assertEquals(-32000, created.error().path("code").intValue());
      assertEquals("not authorized", created.error().path("message").textValue());
    }
    assertEquals(List.of(), node.received, "no node filter is left that no id could reach");
  }
}
