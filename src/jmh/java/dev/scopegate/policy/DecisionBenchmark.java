package dev.scopegate.policy;

import dev.scopegate.auth.Principal;
import dev.scopegate.auth.RpcGrant;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcRequest;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The policy decision for a tenant's eth_blockNumber (grant check, table row, its guard) and for
 * a method outside its grants, with the production table ({@link PolicyTable#standard}) over no
 * private state ({@link Isolation#NONE}: the guards of private reads need a resolver).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecisionBenchmark {
  private Policy policy;
  private Principal tenant;
  private RpcRequest blockNumber;
  private RpcRequest denied;

  @Setup
  public void setUp() {
    policy = new Policy(PolicyTable.standard(Isolation.NONE));
    tenant = Principal.tenant("tenant-a", Optional.of("tenant-a"),
        List.of(RpcGrant.parse("rpc://eth_*").orElseThrow(), RpcGrant.parse("rpc://net_*").orElseThrow(),
            RpcGrant.parse("rpc://web3_*").orElseThrow()),
        List.of(), Instant.now().plusSeconds(3600));
    blockNumber = new RpcRequest(Optional.of(Json.MAPPER.getNodeFactory().numberNode(1)), "eth_blockNumber",
        Optional.of(Json.MAPPER.createArrayNode()));
    denied = new RpcRequest(Optional.of(Json.MAPPER.getNodeFactory().numberNode(1)), "admin_peers",
        Optional.of(Json.MAPPER.createArrayNode()));
  }

  @Benchmark
  public Future<Decision> tenantBlockNumber() {
    return policy.authorize(tenant, blockNumber);
  }

  @Benchmark
  public Future<Decision> tenantDenied() {
    return policy.authorize(tenant, denied);
  }
}
