package dev.scopegate.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Waits for a future (bounded) and reads its outcome. */
final class Completed {
  private Completed() {}

  static <T> T value(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  static RpcException failure(Future<?> future) throws Exception {
    try {
      future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return assertInstanceOf(RpcException.class, e.getCause());
    }
    return fail("expected a failure, got " + future.result());
  }

  static void failsWith(RpcError expected, Future<?> future) throws Exception {
    assertEquals(expected, failure(future).error());
  }
}
