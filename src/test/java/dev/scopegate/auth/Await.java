package dev.scopegate.auth;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits on a future from the test thread (never from an event loop), with a deadline. */
final class Await {
  private Await() {}

  static <T> T result(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("expected success, failed with " + e.getCause(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("no result within 10s", e);
    }
  }

  /** The {@link RpcError} {@code future} fails with. */
  static RpcError error(Future<?> future) {
    try {
      Object value = future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, succeeded with " + value);
    } catch (ExecutionException e) {
      return assertInstanceOf(RpcException.class, e.getCause()).error();
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("no result within 10s", e);
    }
  }
}
