package dev.scopegate.isolation;

import com.sun.management.ThreadMXBean;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.DevScenario;
import dev.scopegate.devnode.Scenario;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Not a test: per-call work of a tenant's read of its own private contract beside the operator's
 * same read, in one JVM, interleaved (A/B) — bytes allocated and CPU time over all threads per
 * call, which hold on a shared machine where wall-clock does not. Run with
 * {@code mvn -B -o test -Dtest=OwnReadProfile -Dprofile.ownRead=true} (add JFR through
 * {@code -DargLine=-XX:StartFlightRecording=...} for where the bytes go).
 */
@ExtendWith(VertxExtension.class)
@EnabledIfSystemProperty(named = "profile.ownRead", matches = "true")
class OwnReadProfile {
  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

  @Test
  void tenantBesideOperator(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    Scenario scenario = DevScenario.seed(node.chain());
    try (Stack stack = Stack.start(vertx, node, c -> TestConfigs.withUpstreamWs(c, node.wsUrl()))) {
      stack.awaitIndexed();
      String token = stack.token("rpc://eth_*", TenantScopes.owner(scenario.keyA()));
      String body = Wire.call(7, "eth_getCode", "[\"" + scenario.privateA().address() + "\",\"latest\"]");
      String only = System.getProperty("profile.only", ""); // tenant or operator: one side, for JFR
      Runnable tenant = only.equals("operator") ? () -> { } : () -> stack.proxy().tenant(token, body);
      Runnable operator = only.equals("tenant") ? () -> { } : () -> stack.proxy().operator(body);
      int calls = Integer.getInteger("profile.calls", 4000);
      for (int round = 0; round < 2; round++) { // the first round warms the JIT
        long[] t = {0, 0};
        long[] o = {0, 0};
        for (int block = 0; block < 10; block++) {
          add(t, measure(tenant, calls / 10));
          add(o, measure(operator, calls / 10));
        }
        System.out.printf("round %d: tenant %d B/call %d µs CPU/call; operator %d B/call %d µs CPU/call%n",
            round, t[0] / calls, t[1] / calls / 1000, o[0] / calls, o[1] / calls / 1000);
      }
    }
  }

  private static void add(long[] sum, long[] part) {
    sum[0] += part[0];
    sum[1] += part[1];
  }

  /** Bytes allocated and CPU nanoseconds over every live thread while {@code call} runs n times. */
  private static long[] measure(Runnable call, int n) {
    long[] ids = THREADS.getAllThreadIds();
    long bytes = -sum(THREADS.getThreadAllocatedBytes(ids));
    long cpu = -sum(THREADS.getThreadCpuTime(ids));
    for (int i = 0; i < n; i++) {
      call.run();
    }
    bytes += sum(THREADS.getThreadAllocatedBytes(ids));
    cpu += sum(THREADS.getThreadCpuTime(ids));
    return new long[] {bytes, cpu};
  }

  private static long sum(long[] values) {
    long total = 0;
    for (long v : values) {
      total += Math.max(v, 0);
    }
    return total;
  }
}
