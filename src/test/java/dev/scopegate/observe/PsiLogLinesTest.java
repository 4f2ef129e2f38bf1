package dev.scopegate.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.config.Config;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** On a node with multiple private states the access and audit lines name the PSI a call was routed to. */
@ExtendWith(VertxExtension.class)
class PsiLogLinesTest {

  @Test
  void accessAndAuditLinesCarryThePsi(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults().withMultiplePrivateStates(true))
        .await(10, TimeUnit.SECONDS);
    try (LogCapture capture = LogCapture.attach();
        Stack stack = Stack.start(vertx, node, c -> new Config(c.upstream(), c.server(), c.ipc(),
            c.privacy(), c.auth(), c.metrics(), new Config.Log("text", true), c.lifecycle()))) {
      String t2 = stack.tokenFor("t2", "rpc://eth_*", "psi://PS2?self.eoa=0x0");

      Wire.post(stack.proxy().url(), "[" + Wire.call(1, "eth_chainId", "[]") + ","
          + Wire.call(2, "admin_peers", "[]") + "]", "Authorization", "Bearer " + t2);

      List<String> access = capture.messages("scopegate.access");
      assertTrue(access.stream().anyMatch(l -> l.startsWith(
          "call transport=http principal=tenant tenant=t2 psi=PS2 method=eth_chainId outcome=ok ")),
          String.join("\n", access));
      assertEquals(List.of("refused transport=http principal=tenant tenant=t2 psi=PS2 method=admin_peers"
          + " reason=access_denied code=-32001"), capture.messages("scopegate.audit"));
    } finally {
      node.close().await(10, TimeUnit.SECONDS);
    }
  }
}
