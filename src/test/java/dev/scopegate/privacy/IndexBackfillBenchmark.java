package dev.scopegate.privacy;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backfill rate of the privacy index: a dev chain of 100 000 blocks, 5 % of them holding a private
 * transaction, indexed from scratch. A measurement, not a test: its name keeps it out of
 * {@code mvn verify}; run it with
 * {@code mvn -B -q test -Dtest=IndexBackfillBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the line it prints.
 */
@ExtendWith(VertxExtension.class)
class IndexBackfillBenchmark {
  private static final int BLOCKS = Integer.getInteger("blocks", 100_000);

  @Test
  void backfill(Vertx vertx, @TempDir Path dir) throws Exception {
    try (IndexedChain chain = IndexedChain.node(vertx, dir.resolve("index"), o -> o)) {
      chain.node.chain().generate(BLOCKS, 0.05, 42);
      chain.node.resetRequestCounts();
      long start = System.nanoTime();
      chain.startProxy().awaitCaughtUp();
      double seconds = (System.nanoTime() - start) / 1e9;
      long head = chain.node.chain().head().number();
      System.out.printf(
          "BENCHMARK privacy index backfill: %d blocks in %.1f s = %.0f blocks/s; node calls"
              + " for eth_getBlockByNumber %d, eth_getTransactionReceipt %d,"
              + " debug_traceBlockByNumber %d; Tessera requests %d%n",
          head, seconds, head / seconds,
          chain.node.requestCount("eth_getBlockByNumber"),
          chain.node.requestCount("eth_getTransactionReceipt"),
          chain.node.requestCount("debug_traceBlockByNumber"),
          chain.node.tessera().requestCount().get());
    }
  }
}
