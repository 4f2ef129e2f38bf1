package dev.scopegate.devnode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GenerateTest extends DevNodeTestBase {
  static final Clock FIXED = Clock.fixed(Instant.parse("2021-03-01T12:00:00Z"), ZoneOffset.UTC);

  @Test
  void manyBlocksAppearWithAShareOfPrivateTransactions() {
    node.chain().generate(2_000, 0.05, 7);

    assertEquals(hex(2_000), client.result("eth_blockNumber").asText());
    int withTx = 0;
    int privateTxs = 0;
    Block previous = node.chain().block(0).get();
    for (long n = 1; n <= 2_000; n++) {
      Block block = node.chain().block(n).get();
      assertEquals(previous.hash(), block.parentHash());
      assertTrue(block.transactions().size() <= 1);
      withTx += block.transactions().size();
      privateTxs += (int) block.transactions().stream().filter(Transaction::isPrivate).count();
      previous = block;
    }
    assertEquals(withTx, privateTxs);
    assertTrue(withTx > 60 && withTx < 140, "about 5% of 2000 blocks, was " + withTx);
  }

  @Test
  void theSameSeedGivesTheSameChain() {
    Chain a = new Chain(1337, FIXED);
    Chain b = new Chain(1337, FIXED);
    a.generate(300, 0.2, 11);
    b.generate(300, 0.2, 11);
    assertEquals(a.head().hash(), b.head().hash());
  }
}
