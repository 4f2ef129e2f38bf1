package dev.scopegate.upstream;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.upstream.ws.Reconnect;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What the shared-WebSocket tests share: fast reconnects, requests, logs, waiting on futures. */
final class WsFixtures {
  /** Reconnects at once, gives up after a few seconds: fast tests, no flakiness. */
  static final Reconnect FAST =
      new Reconnect(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5));

  private WsFixtures() {}

  static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static RpcRequest call(int id, String method, String params) {
    JsonNode clientId = Json.MAPPER.getNodeFactory().numberNode(id);
    return new RpcRequest(Optional.of(clientId), method, Optional.of(json(params)));
  }

  static RpcRequest notification(String method, String params) {
    return new RpcRequest(Optional.empty(), method, Optional.of(json(params)));
  }

  /** A log as a node reports it: block {@code block}, index {@code index} within the block. */
  static ObjectNode log(long block, int index) {
    return Json.MAPPER
        .createObjectNode()
        .put("address", "0x00000000000000000000000000000000000000aa")
        .put("blockNumber", "0x" + Long.toHexString(block))
        .put("blockHash", String.format("0x%064x", block * 1000))
        .put("logIndex", "0x" + Integer.toHexString(index))
        .put("transactionHash", String.format("0x%064x", block * 1000 + index))
        .put("removed", false);
  }

  static ObjectNode head(long number) {
    return Json.MAPPER.createObjectNode().put("number", "0x" + Long.toHexString(number));
  }

  /** Waits on the test thread (never an event loop), with a deadline. */
  static <T> T result(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("expected success, failed with " + e.getCause(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("no result within 10s", e);
    }
  }

  /** The {@link RpcException} {@code future} fails with. */
  static RpcException failure(Future<?> future) {
    try {
      Object value = future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, succeeded with " + value);
    } catch (ExecutionException e) {
      return assertInstanceOf(RpcException.class, e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("no result within 10s", e);
    }
  }
}
