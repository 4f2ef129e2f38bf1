package dev.scopegate.limits;

import java.util.Map;

/**
 * What one call costs against {@code costPerSecond}: 1 unless listed here. Calls that make the
 * node execute code, trace or scan blocks cost more; logs queries cost more again per
 * {@link #BLOCKS_PER_UNIT} blocks of their range. Kept as a plain map so that it can become a
 * column of the policy table.
 */
public final class MethodCosts {
  public static final int DEFAULT = 1;
  /** A logs query costs one more for each this many blocks of its range (rounded up). */
  public static final long BLOCKS_PER_UNIT = 1000;

  public static final Map<String, Integer> COSTS = Map.ofEntries(
      Map.entry("eth_call", 10),
      Map.entry("eth_estimateGas", 10),
      Map.entry("eth_createAccessList", 10),
      Map.entry("eth_fillTransaction", 10),
      Map.entry("eth_sendTransaction", 10),
      Map.entry("eth_sendRawTransaction", 10),
      Map.entry("eth_sendRawPrivateTransaction", 10),
      Map.entry("eth_sendTransactionAsync", 10),
      Map.entry("eth_getLogs", 20),
      Map.entry("eth_getFilterLogs", 20),
      Map.entry("eth_newFilter", 5),
      Map.entry("eth_getBlockReceipts", 10),
      Map.entry("eth_getProof", 10),
      Map.entry("debug_traceTransaction", 50),
      Map.entry("debug_traceCall", 50),
      Map.entry("debug_traceBlock", 100),
      Map.entry("debug_traceBlockByNumber", 100),
      Map.entry("debug_traceBlockByHash", 100),
      Map.entry("trace_transaction", 50),
      Map.entry("trace_block", 100));

  private MethodCosts() {}

  public static long of(String method) {
    return COSTS.getOrDefault(method, DEFAULT);
  }

  /** A logs query over {@code blocks} blocks. */
  public static long of(String method, long blocks) {
    return of(method) + (blocks + BLOCKS_PER_UNIT - 1) / BLOCKS_PER_UNIT;
  }
}
