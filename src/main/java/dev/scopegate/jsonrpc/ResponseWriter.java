package dev.scopegate.jsonrpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
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
    Segments bytes = new Segments();
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(bytes)) {
      if (batch) {
        g.writeStartArray();
        for (RpcResponse response : responses) {
          write(g, response);
        }
        g.writeEndArray();
      } else {
        write(g, responses.get(0));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.joined();
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

  /**
   * What the generator flushes (its own recycled buffer, a few KB at a time), kept as written and
   * copied once into a buffer of the exact length. A byte-array builder then its array then the
   * buffer copied a large answer three times (1.35 MB of heap for a 400 KB {@code eth_getLogs}
   * answer; docs/performance.md, "Large answers"); a small answer is one flush, as before.
   */
  private static final class Segments extends OutputStream {
    private final List<byte[]> segments = new ArrayList<>(1);
    private int length;

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int count) {
      if (count > 0) {
        segments.add(Arrays.copyOfRange(bytes, offset, offset + count));
        length = Math.addExact(length, count);
      }
    }

    Buffer joined() {
      Buffer whole = Buffer.buffer(length);
      for (byte[] segment : segments) {
        whole.appendBytes(segment);
      }
      return whole;
    }
  }
}
