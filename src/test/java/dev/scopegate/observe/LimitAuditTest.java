package dev.scopegate.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopegate.config.Config;
import dev.scopegate.limits.LimitSet;
import dev.scopegate.limits.LocalBucketStore;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A tenant past its rate writes no audit line per call (a flood would flood the log); breaches still do. */
@ExtendWith(VertxExtension.class)
class LimitAuditTest {

  @Test
  void spentBudgetsAreCountedNotLoggedWhileOtherRefusalsAreStillAudited(Vertx vertx) throws Exception {
    try (Stack stack = Stack.start(vertx, new LocalBucketStore(() -> 0L),
            c -> c.withLimits(Config.Limits.OFF.withTenant(new LimitSet(1, 0, 0, 0))));
        LogCapture logs = LogCapture.attach()) {
      String token = stack.token("rpc://eth_*");
      String call = Wire.call(1, "eth_chainId", "[]");
      assertEquals(200, stack.proxy().tenant(token, call).statusCode());
      for (int i = 0; i < 5; i++) {
        assertEquals(429, stack.proxy().tenant(token, call).statusCode());
      }
      String other = stack.tokenFor("other", "rpc://eth_*");
      assertEquals(-32001, Wire.json(stack.proxy().tenant(other, Wire.call(2, "admin_peers", "[]")))
          .path("error").path("code").asInt());
      var audit = logs.messages("scopegate.audit");
      assertEquals(0, audit.stream().filter(l -> l.contains("limit_exceeded")).count(), audit.toString());
      assertEquals(1, audit.stream().filter(l -> l.contains("access_denied")).count(), audit.toString());
    }
  }
}
