package dev.scopegate.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Assertions on futures that must fail with a given error. */
final class RpcErrors {
  private RpcErrors() {}

  static RpcError failure(Future<?> future) {
    try {
      Object value = future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + value);
    } catch (ExecutionException e) {
      return assertInstanceOf(RpcException.class, e.getCause()).error();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static void assertUnavailable(Future<?> future) {
    assertEquals(RpcError.PRIVACY_UNAVAILABLE, failure(future));
  }
}
