package dev.scopegate.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.auth.Principal;
import dev.scopegate.auth.RpcGrant;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcRequest;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-call decision, row by row: principal's grants × method → forwarded or which error. */
class PolicyTest {
  private final Policy policy = new Policy(PolicyTable.standard(Isolation.NONE));

  private static Principal tenant(String scopes) {
    List<RpcGrant> grants =
        Arrays.stream(scopes.split(" "))
            .map(RpcGrant::parse)
            .flatMap(Optional::stream)
            .toList();
    return Principal.tenant("t", Optional.empty(), grants, List.of(), Instant.now().plusSeconds(60));
  }

  private static String outcome(Future<Decision> decision) {
    assertTrue(decision.isComplete(), "policy decisions without guards are immediate");
    if (decision.succeeded()) {
      return "forward";
    }
    return ((RpcException) decision.cause()).getMessage();
  }

  @ParameterizedTest(name = "{0} calling {1} -> {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "rpc://eth_*; eth_chainId; forward",
        "rpc://eth_*; net_version; net_version - access denied",
        "rpc://eth_chainId; eth_chainId; forward",
        "rpc://eth_chainId; eth_blockNumber; eth_blockNumber - access denied",
        "rpc://*_version; net_version; forward",
        "rpc://*_version; web3_clientVersion; web3_clientVersion - access denied",
        "rpc://web3.clientVersion; web3_clientVersion; forward",
        "rpc://; net_peerCount; forward",
        "rpc://eth_get*; eth_getBlockByNumber; eth_getBlockByNumber - access denied",
        "rpc://eth_*; eth_getBalance; not authorized",
        "rpc://eth_*; eth_call; not authorized",
        "rpc://; eth_sendTransaction; not authorized",
        "rpc://eth_getBalance; eth_call; eth_call - access denied",
        "rpc://; admin_peers; admin_peers - access denied",
        "rpc://; debug_setHead; debug_setHead - access denied",
        "rpc://; miner_start; miner_start - access denied",
        "rpc://; txpool_content; txpool_content - access denied",
        "rpc://; debug_dumpBlock; debug_dumpBlock - access denied",
        "rpc://; eth_madeUp; the method eth_madeUp does not exist/is not available",
        "rpc://eth_getBalance; eth_madeUp; eth_madeUp - access denied",
        "rpc://; nonamespace; nonamespace - access denied",
      })
  void tenantDecisions(String scopes, String method, String expected) {
    RpcRequest request = new RpcRequest(Optional.empty(), method, Optional.empty());
    assertEquals(expected, outcome(policy.authorize(tenant(scopes), request)));
  }

  @ParameterizedTest
  @CsvSource({"admin_peers", "eth_getBalance", "debug_setHead", "eth_madeUp"})
  void operatorsPassUnchanged(String method) {
    RpcRequest request = new RpcRequest(Optional.empty(), method, Optional.empty());
    Future<Decision> decision = policy.authorize(Principal.operator("test"), request);
    assertSame(request, ((Decision.Forward) decision.result()).request());
  }

  @Test
  void aRowCostsAtLeastOneSoNoMethodIsFreeOrRefunds() {
    MethodRule row = new MethodRule("eth_call", Access.GUARDED, GuardKind.CALL, FilterKind.NONE);
    assertEquals(MethodRule.DEFAULT_COST, row.cost());
    assertEquals(10, row.cost(10).cost());
    assertThrows(IllegalArgumentException.class, () -> row.cost(0));
    assertThrows(IllegalArgumentException.class, () -> row.cost(-5));
  }
}
