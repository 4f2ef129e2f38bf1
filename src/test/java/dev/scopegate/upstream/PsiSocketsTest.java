package dev.scopegate.upstream;

import static dev.scopegate.testing.Eventually.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.upstream.ws.PsiSockets;
import dev.scopegate.upstream.ws.SubscriptionSink;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One node socket per PSI in use, shared while leased, closed once idle, made anew after. */
@ExtendWith(VertxExtension.class)
class PsiSocketsTest {
  private static final SubscriptionSink IGNORE = new SubscriptionSink() {
    @Override
    public void notification(JsonNode result) {}

    @Override
    public void ended(RpcException why) {}
  };


  /** Leased on an event loop, as the WebSocket upgrade does. */
  private static PsiSockets.Lease lease(Vertx vertx, PsiSockets sockets, String psi) throws Exception {
    io.vertx.core.Promise<PsiSockets.Lease> leased = io.vertx.core.Promise.promise();
    vertx.getOrCreateContext().runOnContext(v -> leased.complete(sockets.lease(psi)));
    return leased.future().await(5, TimeUnit.SECONDS);
  }

  @Test
  void aPsiSocketIsSharedWhileLeasedAndClosedWhenIdle(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults().withMultiplePrivateStates(true))
        .await(10, TimeUnit.SECONDS);
    PsiSockets sockets = new PsiSockets(vertx, node.wsUrl(), Duration.ofSeconds(5), Duration.ofMillis(200));
    try {
      PsiSockets.Lease a = lease(vertx, sockets, "PS1");
      PsiSockets.Lease b = lease(vertx, sockets, "PS1");
      PsiSockets.Lease c = lease(vertx, sockets, "PS2");
      assertSame(a.socket(), b.socket());
      assertNotSame(a.socket(), c.socket());
      a.socket().subscribe(Json.MAPPER.createArrayNode().add("newHeads"), IGNORE).await(10, TimeUnit.SECONDS);
      c.socket().subscribe(Json.MAPPER.createArrayNode().add("newHeads"), IGNORE).await(10, TimeUnit.SECONDS);
      assertEquals(2, node.wsConnections());
      a.release();
      a.release(); // once only: b still holds PS1
      c.release();
      until(() -> sockets.open() == 1, "PS2's socket closed");
      until(() -> node.wsConnections() == 1, "the node to see PS2's socket go");
      PsiSockets.Lease again = lease(vertx, sockets, "PS1");
      assertSame(b.socket(), again.socket());
      b.release();
      again.release();
      until(() -> sockets.open() == 0, "PS1's socket closed");
      PsiSockets.Lease fresh = lease(vertx, sockets, "PS1");
      assertNotSame(b.socket(), fresh.socket());
      fresh.release();
    } finally {
      sockets.close().await(10, TimeUnit.SECONDS);
      node.close().await(10, TimeUnit.SECONDS);
    }
  }
}
