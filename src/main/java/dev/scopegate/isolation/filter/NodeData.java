package dev.scopegate.isolation.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import io.vertx.core.Future;
import java.util.HexFormat;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Reads the fields of the node's answers that filters decide on. A field that cannot be read
 * fails the call: an answer Scopegate cannot check is never passed on unchecked.
 */
public final class NodeData {
  private static final int ADDRESS_BYTES = 20;
  private static final int HASH_BYTES = 32;

  private NodeData() {}

  /** A log's emitting contract, lower-case. */
  public static String address(JsonNode log) {
    String text = log.path("address").textValue();
    if (text == null || bytesOf(text).length != ADDRESS_BYTES) {
      throw malformed("log without a valid address");
    }
    return text.toLowerCase(Locale.ROOT);
  }

  /** A log's block; empty for a pending log, which carries none. */
  public static OptionalLong blockNumber(JsonNode log) {
    JsonNode number = log.path("blockNumber");
    if (number.isMissingNode() || number.isNull()) {
      return OptionalLong.empty();
    }
    String text = number.textValue();
    try {
      if (text == null || !text.startsWith("0x")) {
        throw malformed("log with an invalid blockNumber");
      }
      return OptionalLong.of(Long.parseUnsignedLong(text.substring(2), 16));
    } catch (NumberFormatException e) {
      throw malformed("log with an invalid blockNumber");
    }
  }

  /** A log's transaction, lower-case. */
  public static String transactionHash(JsonNode log) {
    String text = log.path("transactionHash").textValue();
    if (text == null || bytesOf(text) == null || bytesOf(text).length != HASH_BYTES) {
      throw malformed("log without a valid transactionHash");
    }
    return text.toLowerCase(Locale.ROOT);
  }

  /** {@code 0x}-prefixed hex data of exactly {@code length} bytes. */
  public static byte[] bytes(JsonNode node, int length) {
    String text = node.textValue();
    byte[] bytes = text == null ? null : bytesOf(text);
    if (bytes == null || bytes.length != length) {
      throw malformed("log with an invalid address or topic");
    }
    return bytes;
  }

  public static RpcException malformed(String what) {
    return RpcError.UPSTREAM_BAD_RESPONSE.withData(what);
  }

  /** Runs {@code body}, turning a field that could not be read into a failed future. */
  public static <T> Future<T> attempt(Supplier<Future<T>> body) {
    try {
      return body.get();
    } catch (RpcException e) {
      return Future.failedFuture(e);
    }
  }

  private static byte[] bytesOf(String text) {
    if (!text.startsWith("0x") || text.length() % 2 != 0) {
      return null;
    }
    try {
      return HexFormat.of().parseHex(text, 2, text.length());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
