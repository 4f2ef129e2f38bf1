package dev.scopegate.upstream.ws;

import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.upstream.Answer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Arrays;
import java.util.List;

/**
 * Calls sent together under consecutive upstream ids {@code firstId … firstId+size-1}; completes
 * once each has its answer, in the order the calls were made.
 */
final class PendingBatch {
  private final long firstId;
  private final Answer[] answers;
  private final Promise<List<Answer>> promise = Promise.promise();
  private int missing;
  private long timer = -1;

  PendingBatch(long firstId, int size) {
    this.firstId = firstId;
    this.answers = new Answer[size];
    this.missing = size;
  }

  long firstId() {
    return firstId;
  }

  int size() {
    return answers.length;
  }

  void timer(long timer) {
    this.timer = timer;
  }

  long timer() {
    return timer;
  }

  /** Records one answer; true when that was the last one missing. */
  boolean answer(long id, Answer answer) {
    int index = (int) (id - firstId);
    if (answers[index] == null) {
      answers[index] = answer;
      missing--;
    }
    return missing == 0;
  }

  void complete() {
    promise.tryComplete(Arrays.asList(answers));
  }

  void fail(RpcException why) {
    promise.tryFail(why);
  }

  Future<List<Answer>> future() {
    return promise.future();
  }
}
