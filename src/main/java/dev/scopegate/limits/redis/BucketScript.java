package dev.scopegate.limits.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The check as one Lua script ({@code take.lua}): sent by its SHA-1 ({@code EVALSHA}), and whole
 * ({@code EVAL}, which also caches it) only when Redis answers {@code NOSCRIPT} — after a restart
 * or a {@code SCRIPT FLUSH}.
 */
final class BucketScript {
  static final String SOURCE = load();
  static final String SHA1 = sha1(SOURCE);

  private BucketScript() {}

  /** Debits {@code debit} and takes {@code amount} from {@code bucket}, atomically. */
  static Future<ScriptReply> run(Redis redis, String bucket, double perSecond, long capacity, long debit, long amount) {
    return redis.send(request(Command.EVALSHA, SHA1, bucket, perSecond, capacity, debit, amount))
        .recover(error -> noScript(error)
            ? redis.send(request(Command.EVAL, SOURCE, bucket, perSecond, capacity, debit, amount))
            : Future.failedFuture(error))
        .map(ScriptReply::of);
  }

  private static Request request(Command command, String script, String bucket, double perSecond, long capacity,
      long debit, long amount) {
    return Request.cmd(command).arg(script).arg(1).arg(bucket).arg(perSecond).arg(capacity).arg(debit).arg(amount);
  }

  private static boolean noScript(Throwable error) {
    return error.getMessage() != null && error.getMessage().startsWith("NOSCRIPT");
  }

  private static String load() {
    try (InputStream in = BucketScript.class.getResourceAsStream("take.lua")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The script's answer: granted or not, the tokens left in Redis, the wait for the amount (-1:
   * never), and Redis's time of the answer (microseconds).
   */
  record ScriptReply(boolean granted, double tokens, long waitMillis, double atMicros) {
    static ScriptReply of(Response reply) {
      return new ScriptReply(reply.get(0).toInteger() == 1, Double.parseDouble(reply.get(1).toString()),
          reply.get(2).toLong(), Double.parseDouble(reply.get(3).toString()));
    }
  }
}
