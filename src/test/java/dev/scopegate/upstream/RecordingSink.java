package dev.scopegate.upstream;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.upstream.ws.SubscriptionSink;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A sink a test reads from, waiting with a deadline. */
final class RecordingSink implements SubscriptionSink {
  private final BlockingQueue<JsonNode> notifications = new LinkedBlockingQueue<>();
  private final BlockingQueue<RpcException> endings = new LinkedBlockingQueue<>();

  @Override
  public void notification(JsonNode result) {
    notifications.add(result);
  }

  @Override
  public void ended(RpcException why) {
    endings.add(why);
  }

  JsonNode next() {
    return poll(notifications, "notification");
  }

  RpcException ending() {
    return poll(endings, "end");
  }

  /** What arrived and was not read yet. */
  int unread() {
    return notifications.size();
  }

  boolean ended() {
    return !endings.isEmpty();
  }

  private static <T> T poll(BlockingQueue<T> queue, String what) {
    try {
      T item = queue.poll(10, TimeUnit.SECONDS);
      assertNotNull(item, "no " + what + " within 10s");
      return item;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
