package dev.scopegate.jsonrpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.List;

/**
 * Answers written straight to bytes, the same bytes as {@link RpcResponse#toJson} serialised
 * (members in the same order, each value through the one mapper), without building an object
 * tree per answer first: that tree was a map and its entries per call on the hot path.
 */
public final class ResponseWriter {
  private ResponseWriter() {}

  /** One answer as an object, or every answer in one array for a batch. */
  public static Buffer buffer(List<RpcResponse> responses, boolean batch) {
    return Json.write(g -> {
      if (batch) {
        g.writeStartArray();
        for (RpcResponse response : responses) {
          write(g, response);
        }
        g.writeEndArray();
      } else {
        write(g, responses.get(0));
      }
    });
  }

  private static void write(JsonGenerator g, RpcResponse response) throws IOException {
    g.writeStartObject();
    g.writeStringField("jsonrpc", "2.0");
    g.writeFieldName("id");
    tree(g, response.id());
    if (response.error() != null) {
      g.writeFieldName("error");
      tree(g, response.error());
    } else {
      g.writeFieldName("result");
      tree(g, response.result());
    }
    g.writeEndObject();
  }

  private static void tree(JsonGenerator g, JsonNode node) throws IOException {
    if (node == null) {
      g.writeNull();
    } else {
      Json.MAPPER.writeTree(g, node);
    }
  }
}
