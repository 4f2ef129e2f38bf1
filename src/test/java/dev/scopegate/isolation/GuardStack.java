package dev.scopegate.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.auth.PrivateGrant;
import dev.scopegate.auth.RpcGrant;
import dev.scopegate.config.Config;
import dev.scopegate.devnode.Address;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.DevTessera;
import dev.scopegate.devnode.PayloadHash;
import dev.scopegate.devnode.PayloadRecord;
import dev.scopegate.devnode.PrivacyRequest;
import dev.scopegate.devnode.TransactionRequest;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcCall;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.jsonrpc.RpcResponse;
import dev.scopegate.pipeline.Dispatcher;
import dev.scopegate.policy.Isolation;
import dev.scopegate.policy.Policy;
import dev.scopegate.policy.PolicyTable;
import dev.scopegate.privacy.PrivacyService;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.upstream.HttpUpstream;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The dev node with its Tessera, the privacy layer indexing it, and Scopegate's pipeline with the
 * production's policy table ({@link IsolationRules}, every row). Calls go through the pipeline as a tenant's would; what reaches the node is
 * counted by the node itself.
 */
final class GuardStack implements AutoCloseable {
  static final String CODE = "0x6000";

  final DevNode node;
  private final HttpUpstream upstream;
  private final PrivacyService privacy;
  private final Dispatcher dispatcher;

  private GuardStack(
      DevNode node, HttpUpstream upstream, PrivacyService privacy, Dispatcher dispatcher) {
    this.node = node;
    this.upstream = upstream;
    this.privacy = privacy;
    this.dispatcher = dispatcher;
  }

  static GuardStack start(Vertx vertx, Path indexDir) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    Config config =
        TestConfigs.withPrivacy(
            TestConfigs.config(node.httpUrl(), TestConfigs.jwt(Optional.empty(), Optional.empty())),
            node.tessera().url().toString(),
            indexDir);
    HttpUpstream upstream = new HttpUpstream(vertx, node.httpUrl(), Duration.ofSeconds(10));
    PrivacyService privacy =
        PrivacyService.start(vertx, config, upstream, false).await(20, TimeUnit.SECONDS);
    GuardContext context =
        new GuardContext(
            privacy.resolver(),
            privacy.pinner(),
            privacy.node(),
            privacy::capabilities,
            privacy.tessera());
    Isolation isolation = IsolationRules.create(context, FilterIds.fromConfig(""));
    Dispatcher dispatcher = new Dispatcher(new Policy(PolicyTable.standard(isolation)), upstream);
    return new GuardStack(node, upstream, privacy, dispatcher);
  }

  /**
   * A tenant with every rpc:// method and these private grants, in {@link TenantGrantsTest}'s row
   * notation; {@code node0}, {@code node1}… name the node's accounts.
   */
  Principal tenant(String scopes) {
    List<PrivateGrant> grants =
        Arrays.stream(scopes.trim().split(" +"))
            .filter(s -> !s.isEmpty())
            .map(s -> TenantGrantsTest.scope(s, this::name))
            .map(s -> PrivateGrant.parse(s).orElseThrow(() -> new AssertionError("bad scope " + s)))
            .toList();
    return Principal.tenant(
        "tenant",
        Optional.empty(),
        List.of(RpcGrant.parse("rpc://").orElseThrow()),
        grants,
        Instant.now().plusSeconds(600));
  }

  /** Keys A, B, C; node accounts node0, node1…; alice, bob; anything else as written. */
  String name(String alias) {
    return switch (alias) {
      case "A" -> DevTessera.KA;
      case "B" -> DevTessera.KB;
      case "C" -> DevTessera.KC;
      case "alice" -> Signed.ALICE.getAddress();
      case "bob" -> Signed.BOB.getAddress();
      default ->
          alias.startsWith("node") ? account(Integer.parseInt(alias.substring(4))).hex() : alias;
    };
  }

  Address account(int i) {
    return node.chain().accounts().get(i);
  }

  Address createPrivate(String privateFrom, String... privateFor) {
    return node.chain()
        .mineTransaction(
            TransactionRequest.create(account(0), CODE)
                .withPrivacy(PrivacyRequest.local(privateFrom, List.of(privateFor), 0)))
        .local()
        .privateReceipt()
        .orElseThrow()
        .contractAddress()
        .orElseThrow();
  }

  Address createPublic() {
    return node.chain()
        .mineTransaction(TransactionRequest.create(account(0), CODE))
        .receipt()
        .contractAddress()
        .orElseThrow();
  }

  /** Keeps a payload in the node's Tessera, as {@code /send} or {@code /storeraw} would. */
  String storePayload(String senderKey, String... recipients) {
    PayloadHash hash =
        node.tessera()
            .store()
            .store(new PayloadRecord(new byte[] {42}, senderKey, List.of(recipients), 0));
    return hash.hex();
  }

  /** Waits until the index has applied the node's head. */
  void awaitIndexed() throws Exception {
    privacy
        .index()
        .orElseThrow()
        .awaitIndexed(node.chain().head().number(), Duration.ofSeconds(20))
        .await(30, TimeUnit.SECONDS);
  }

  /** One call through the pipeline; {@code params} is a JSON array. */
  RpcResponse call(Principal principal, String method, String params) throws Exception {
    RpcRequest request =
        new RpcRequest(
            Optional.of(IntNode.valueOf(1)), method, Optional.of(Json.MAPPER.readTree(params)));
    return dispatcher
        .dispatch(principal, List.<RpcCall>of(request))
        .await(30, TimeUnit.SECONDS)
        .responses()
        .get(0);
  }

  /**
   * "forwarded" when the call reached the node (whatever the node answered), else Scopegate's error
   * message.
   */
  String outcome(Principal principal, String method, String params) throws Exception {
    long before = node.requestCount(method);
    RpcResponse response = call(principal, method, params);
    if (node.requestCount(method) > before) {
      return "forwarded";
    }
    JsonNode error = response.error();
    return error == null
        ? "answered locally: " + response.result()
        : error.path("message").asText();
  }

  @Override
  public void close() throws Exception {
    privacy.stop().await(20, TimeUnit.SECONDS);
    upstream.close().await(10, TimeUnit.SECONDS);
    node.close().await(10, TimeUnit.SECONDS);
  }
}
