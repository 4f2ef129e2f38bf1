package dev.scopegate.transport.ipc;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Writes answers in the order their requests arrived, though the pipeline may finish a later
 * one first: a finished answer waits for those before it. Runs on the connection's context.
 */
final class InOrderReplies {
  private final Context context;
  private final NetSocket socket;
  private final Runnable onProgress;
  private final Deque<Future<Optional<Buffer>>> queue = new ArrayDeque<>();
  private final Deque<Runnable> afterWrites = new ArrayDeque<>();
  private boolean endWhenDone;
  private boolean ended;

  /** {@code onProgress} runs whenever answers have left the queue. */
  InOrderReplies(Context context, NetSocket socket, Runnable onProgress) {
    this.context = context;
    this.socket = socket;
    this.onProgress = onProgress;
  }

  void add(Future<Optional<Buffer>> answer) {
    add(answer, () -> {});
  }

  /** {@code afterWrite} runs once the answer is written (subscriptions may then speak). */
  void add(Future<Optional<Buffer>> answer, Runnable afterWrite) {
    queue.add(answer);
    afterWrites.add(afterWrite);
    answer.onComplete(done -> onContext(this::drain));
  }

  /** Closes the connection once every queued answer is written. */
  void endWhenDone() {
    endWhenDone = true;
    drain();
  }

  int pending() {
    return queue.size();
  }

  private void drain() {
    boolean wrote = false;
    while (!queue.isEmpty() && queue.peek().isComplete()) {
      // Answers are recovered into error lines upstream, so a completed one has a result.
      queue.poll().result().ifPresent(socket::write);
      afterWrites.poll().run();
      wrote = true;
    }
    if (queue.isEmpty() && endWhenDone && !ended) {
      ended = true;
      socket.end();
    } else if (wrote) {
      onProgress.run();
    }
  }

  private void onContext(Runnable action) {
    if (Vertx.currentContext() == context) {
      action.run();
    } else {
      context.runOnContext(v -> action.run());
    }
  }
}
