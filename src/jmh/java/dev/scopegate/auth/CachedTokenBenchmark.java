package dev.scopegate.auth;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * Authenticating a token already verified once: {@link CachingVerifier}'s hit (SHA-256 of the
 * token, a Caffeine lookup, the expiry check). The target: at most 1 µs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CachedTokenBenchmark {
  private CachingVerifier verifier;
  private String token;

  @Setup
  public void setUp() throws Exception {
    // a real RS256 token of the demo's shape (its size is what the digest costs)
    token = TokenMinter.generate().mint("tenant-a",
        List.of("rpc://eth_*", "rpc://net_*", "rpc://web3_*",
            "private://0x" + "1".repeat(40) + "/_/contracts?owned.eoa=0x0&from.tm=BULeR8JyUWhiuuCMU%2FHLA0Q5pzkYT%2BcHII3ZKBey3Bo%3D"),
        Duration.ofHours(1), Map.of());
    Principal tenant = Principal.tenant("tenant-a", Optional.of("tenant-a"),
        List.of(RpcGrant.parse("rpc://eth_*").orElseThrow()), List.of(), Instant.now().plus(Duration.ofHours(1)));
    TokenVerifier delegate = t -> Future.succeededFuture(tenant);
    verifier = new CachingVerifier(delegate, new ClaimChecks(List.of(), List.of(), Duration.ofSeconds(30)), Clock.systemUTC());
    verifier.verify(token); // the first call verifies and caches
  }

  @Benchmark
  public Future<Principal> cachedToken() {
    return verifier.verify(token);
  }

  /** The hit's first step alone: the token's SHA-256 as the cache key. */
  @Benchmark
  public TokenDigest.Key digestOnly() {
    return TokenDigest.key(token);
  }
}
