package dev.scopegate.transport.ipc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcException;
import dev.scopegate.jsonrpc.RpcResponse;
import dev.scopegate.pipeline.Reply;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;

/** Answers as IPC clients read them: one JSON value per line, as geth writes them. */
final class IpcLines {
  private IpcLines() {}

  /** The answer to one request value; none when it held notifications only. */
  static Optional<Buffer> reply(boolean batch, Reply reply) {
    if (reply.responses().isEmpty()) {
      return Optional.empty();
    }
    if (!batch) {
      return Optional.of(line(reply.responses().get(0).toJson()));
    }
    ArrayNode array = Json.MAPPER.createArrayNode();
    reply.responses().forEach(r -> array.add(r.toJson()));
    return Optional.of(line(array));
  }

  /** One error answering a whole value (id null). */
  static Buffer error(RpcException error) {
    return line(RpcResponse.error(NullNode.getInstance(), error).toJson());
  }

  private static Buffer line(JsonNode value) {
    return Json.buffer(value).appendByte((byte) '\n');
  }
}
