package dev.scopegate.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.policy.MethodRule;
import dev.scopegate.policy.MethodTable;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link GoDuration} against the cases of Go's own {@code time} tests ({@code parseDurationTests},
 * {@code parseDurationErrorTests}, {@code durationTests}), and the trace methods' table against
 * the policy table.
 */
class GoDurationTest {
  private static final long US = 1_000;
  private static final long MS = 1_000_000;
  private static final long S = 1_000_000_000;
  private static final long M = 60 * S;
  private static final long H = 60 * M;

  private static final Object[][] VALID = {
      {"0", 0L}, {"5s", 5 * S}, {"30s", 30 * S}, {"1478s", 1478 * S},
      {"-5s", -5 * S}, {"+5s", 5 * S}, {"-0", 0L}, {"+0", 0L},
      {"5.0s", 5 * S}, {"5.6s", 5 * S + 600 * MS}, {"5.s", 5 * S}, {".5s", 500 * MS},
      {"1.0s", S}, {"1.00s", S}, {"1.004s", S + 4 * MS}, {"1.0040s", S + 4 * MS},
      {"100.00100s", 100 * S + MS},
      {"10ns", 10L}, {"11us", 11 * US}, {"12\u00b5s", 12 * US}, {"12\u03bcs", 12 * US},
      {"13ms", 13 * MS}, {"14s", 14 * S}, {"15m", 15 * M}, {"16h", 16 * H},
      {"3h30m", 3 * H + 30 * M}, {"10.5s4m", 4 * M + 10 * S + 500 * MS},
      {"-2m3.4s", -(2 * M + 3 * S + 400 * MS)},
      {"1h2m3s4ms5us6ns", H + 2 * M + 3 * S + 4 * MS + 5 * US + 6},
      {"39h9m14.425s", 39 * H + 9 * M + 14 * S + 425 * MS},
      {"52763797000ns", 52763797000L},
      {"0.3333333333333333333h", 20 * M},
      {"9007199254740993ns", (1L << 53) + 1},
      {"9223372036854775807ns", Long.MAX_VALUE},
      {"9223372036854775.807us", Long.MAX_VALUE},
      {"9223372036854ms775us807ns", Long.MAX_VALUE},
      {"-9223372036854775808ns", Long.MIN_VALUE},
      {"-9223372036854775.808us", Long.MIN_VALUE},
      {"-9223372036854ms775us808ns", Long.MIN_VALUE},
      {"-2562047h47m16.854775808s", Long.MIN_VALUE},
      {"0.100000000000000000000h", 6 * M},
      {"0.830103483285477580700h", 49 * M + 48 * S + 372539827},
  };

  private static final String[] INVALID = {
      "", "3", "-", "s", ".", "-.", ".s", "+.s", "1d", "\u0085\u0085", "\u00ffff", "hello \u00ffff world",
      "9223372036854775808ns", "9223372036854775.808us", "9223372036854ms775us808ns", "-9223372036854775809ns",
      // beyond Go's table: what a tenant might try
      "\u0665s", "\uff15s", "5 s", " 5s", "5s ", "5S", "5d", "1e3s", "0x10s", "00", "5s-", "1_000s", "\u00b5s",
      "2562048h", "99999999999999999999999s",
  };

  @Test
  void parsesWhatGoParses() {
    for (Object[] row : VALID) {
      String text = (String) row[0];
      assertEquals((long) row[1], org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> GoDuration.parse(text), text), text);
    }
  }

  @Test
  void refusesWhatGoRefuses() {
    for (String text : INVALID) {
      assertThrows(GoDuration.Invalid.class, () -> GoDuration.parse(text), text);
    }
  }

  @Test
  void formatsAsGoDoes() {
    Object[][] rows = {
        {"0s", 0L}, {"1ns", 1L}, {"1.1\u00b5s", 1100L}, {"2.2ms", 2200 * US}, {"3.3s", 3300 * MS},
        {"4m5s", 4 * M + 5 * S}, {"4m5.001s", 4 * M + 5001 * MS}, {"5h6m7.001s", 5 * H + 6 * M + 7001 * MS},
        {"8m0.000000001s", 8 * M + 1}, {"2562047h47m16.854775807s", Long.MAX_VALUE},
        {"-2562047h47m16.854775808s", Long.MIN_VALUE}, {"10m0s", 10 * M}, {"1h0m0s", H},
    };
    for (Object[] row : rows) {
      assertEquals(row[0], GoDuration.format((long) row[1]));
      assertEquals((long) row[1], GoDuration.parse((String) row[0]), "read back: " + row[0]);
    }
  }

  /** Every tenant-callable debug_trace* row has its config position; the rest say why not. */
  @Test
  void everyTraceMethodOfThePolicyTableHasItsConfigPosition() {
    Set<String> traces = MethodTable.ROWS.stream().map(MethodRule::method)
        .filter(m -> m.startsWith("debug_trace")).collect(Collectors.toSet());
    assertEquals(traces, TraceTimeout.POSITIONS.keySet());
    assertTrue(MethodTable.ROWS.stream().map(MethodRule::method).anyMatch("debug_standardTraceBlockToFile"::equals),
        "the standard-JSON traces take a StdTraceConfig, which has no timeout");
  }
}
