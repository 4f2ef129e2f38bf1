package dev.scopegate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.scopegate.auth.Principal;
import dev.scopegate.auth.Scopes;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcRequest;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The policy decision for any scopes and any method. Invariant: a tenant's call is forwarded
 * only when one of its scopes covers the method by GoQuorum's grammar, re-stated here
 * independently of {@code RpcGrant}, and only as that method.
 */
class PolicyFuzzTest {
  private static final List<String> METHODS = List.of("eth_chainId", "eth_getBalance", "eth_call",
      "net_version", "web3_clientVersion", "admin_peers", "debug_traceCall", "personal_sign",
      "eth_sendRawTransaction", "miner_start", "txpool_content", "eth_subscribe", "rpc_modules");
  private final Policy policy = new Policy(PolicyTable.standard(Isolation.NONE));

  @FuzzTest(maxDuration = "30s")
  void aTenantIsNeverGrantedBeyondItsScopes(FuzzedDataProvider data) {
    String method = data.consumeBoolean() ? data.pickValue(METHODS) : data.consumeString(40);
    List<String> scopes = new ArrayList<>();
    int n = data.consumeInt(0, 4);
    for (int i = 0; i < n; i++) {
      scopes.add(data.consumeBoolean() ? "rpc://" + data.consumeString(30) : data.consumeString(40));
    }
    Scopes parsed = Scopes.parse(scopes);
    Principal tenant = Principal.tenant("t", Optional.empty(), parsed.rpcGrants(),
        parsed.privateGrants(), Instant.now().plusSeconds(60));
    RpcRequest request = new RpcRequest(Optional.of(Json.MAPPER.getNodeFactory().numberNode(1)),
        method, Optional.of(Json.MAPPER.createArrayNode()));
    Future<Decision> decision = policy.authorize(tenant, request);
    if (decision.isComplete() && decision.succeeded()) {
      assertTrue(scopes.stream().anyMatch(s -> covers(s, method)), scopes + " forwarded " + method);
      if (decision.result() instanceof Decision.Forward forward) {
        assertEquals(method, forward.request().method());
      }
    }
  }

  /** GoQuorum's rpc scope grammar, written from the DESIGN text rather than from RpcGrant. */
  private static boolean covers(String scope, String method) {
    if (!scope.toLowerCase(Locale.ROOT).startsWith("rpc://")) {
      return false;
    }
    String rest = scope.substring(6);
    int cut = firstOf(rest, '_', '.');
    String ns = cut < 0 ? rest : rest.substring(0, cut);
    String fn = cut < 0 ? "" : rest.substring(cut + 1);
    int m = method.indexOf('_');
    return m >= 0 && part(ns, method.substring(0, m)) && part(fn, method.substring(m + 1));
  }

  private static boolean part(String pattern, String value) {
    return pattern.isEmpty() || pattern.equals("*") || (!pattern.contains("*") && pattern.equals(value));
  }

  private static int firstOf(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    return i < 0 ? j : j < 0 ? i : Math.min(i, j);
  }
}
