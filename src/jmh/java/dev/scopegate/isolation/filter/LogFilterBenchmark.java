package dev.scopegate.isolation.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.isolation.PrivacyFacts;
import dev.scopegate.auth.PrivateGrant;
import dev.scopegate.auth.RpcGrant;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.privacy.ContractPrivacy;
import dev.scopegate.privacy.Parties;
import dev.scopegate.upstream.Answer;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Filtering an eth_getLogs answer of 1 000 logs over 50 contracts for a tenant ({@link
 * LogsFilter}): 20 contracts private to the tenant, 20 to another, 10 public, as bench/run.sh
 * seeds them. Facts answer at once (as from the resolver's cache), so this is the filter's own
 * cost: 600 logs kept.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LogFilterBenchmark {
  static final String KEY_A = "BULeR8JyUWhiuuCMU/HLA0Q5pzkYT+cHII3ZKBey3Bo=";
  static final String KEY_B = "QfeDAys9MPDs2XHExtc84jKGHxZg/aj52DTh0vtA3Xc=";

  private LogsFilter filter;
  private Principal tenant;
  private RpcRequest request;
  private Answer answer;

  @Setup
  public void setUp() throws Exception {
    Map<String, ContractPrivacy> contracts = new HashMap<>();
    Map<String, Parties> transactions = new HashMap<>();
    ArrayNode logs = Json.MAPPER.createArrayNode();
    for (int i = 0; i < 1000; i++) {
      int c = i % 50;
      String address = "0x" + String.format("%040x", 0xc0000 + c);
      String tx = "0x" + String.format("%064x", i);
      if (c < 40) {
        Parties parties = Parties.of(c < 20 ? KEY_A : KEY_B);
        contracts.put(address, new ContractPrivacy.Private(parties));
        transactions.put(tx, parties);
      } else {
        contracts.put(address, ContractPrivacy.PUBLIC);
      }
      logs.add(Json.MAPPER.readTree("{\"address\":\"" + address + "\",\"topics\":[\"0x" + "ab".repeat(32)
          + "\"],\"data\":\"0xca11\",\"blockNumber\":\"0x" + Integer.toHexString(10 + i / 50)
          + "\",\"transactionHash\":\"" + tx + "\",\"transactionIndex\":\"0x" + Integer.toHexString(c)
          + "\",\"blockHash\":\"0x" + String.format("%064x", 1_000_000 + i / 50) + "\",\"logIndex\":\"0x"
          + Integer.toHexString(c) + "\",\"removed\":false}"));
    }
    PrivacyFacts facts = new PrivacyFacts() {
      @Override
      public Future<ContractPrivacy> contract(String address, long block) {
        return Future.succeededFuture(contracts.get(address));
      }

      @Override
      public Future<ContractPrivacy> contractAtHead(String address) {
        return Future.succeededFuture(contracts.get(address));
      }

      @Override
      public Future<Optional<Parties>> transaction(String hash) {
        return Future.succeededFuture(Optional.ofNullable(transactions.get(hash)));
      }
    };
    filter = new LogsFilter(facts);
    tenant = Principal.tenant("user-a", Optional.of("tenant-a"), List.of(RpcGrant.parse("rpc://").orElseThrow()),
        List.of(new PrivateGrant("0x0", PrivateGrant.Action.ANY, "0x0", List.of(KEY_A))), Instant.now().plusSeconds(3600));
    request = new RpcRequest(Optional.empty(), "eth_getLogs", Optional.of(Json.MAPPER.createArrayNode()));
    answer = new Answer(logs, null);
    JsonNode kept = filter.filter(tenant, request, answer).result().result();
    if (kept.size() != 600) {
      throw new IllegalStateException("the filter kept " + kept.size() + " logs, not 600");
    }
  }

  @Benchmark
  public Future<Answer> filter1000Logs() {
    return filter.filter(tenant, request, answer);
  }
}
