package dev.scopegate.jsonrpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one Jackson mapper. Numbers are read exactly (big integers and decimals keep every digit)
 * so that ids and results pass through unchanged.
 */
public final class Json {
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private Json() {}

  public static JsonNode read(byte[] bytes) throws IOException {
    return MAPPER.readTree(bytes);
  }

  public static Buffer buffer(JsonNode node) {
    try {
      return Buffer.buffer(MAPPER.writeValueAsBytes(node));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a {@link #write} body writes. */
  @FunctionalInterface
  public interface Body {
    void writeTo(JsonGenerator g) throws IOException;
  }

  /**
   * The bytes {@code body} writes through a generator of the one mapper, copied once into a
   * buffer of their exact length. The generator flushes its own recycled buffer a few KB at a
   * time; each flush is kept as written (a small answer is one flush). A byte-array builder, then
   * its array, then the buffer copied a large answer three times (1.35 MB of heap for a 400 KB
   * {@code eth_getLogs} answer; docs/performance.md, "Large answers"), and the builder's own
   * block was a fresh 2 KB array per answer.
   */
  public static Buffer write(Body body) {
    Segments bytes = new Segments();
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(bytes)) {
      body.writeTo(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.joined();
  }

  /** What a generator flushes, kept as written, joined once. */
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

  public static String string(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
