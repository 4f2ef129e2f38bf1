package dev.scopegate.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding a call as the HTTP transport does (bytes to {@link RpcBody}) and encoding a reply as
 * it does ({@link RpcResponse#toJson} then {@link Json#buffer}): one eth_blockNumber, a batch of
 * ten, and an answer of 1 000 logs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {
  private final RequestDecoder decoder = new RequestDecoder(100);
  private byte[] single;
  private byte[] batch;
  private JsonNode id;
  private JsonNode blockNumber;
  private JsonNode logs;

  @Setup
  public void setUp() throws Exception {
    single = "{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"eth_blockNumber\",\"params\":[]}"
        .getBytes(StandardCharsets.UTF_8);
    StringBuilder b = new StringBuilder("[");
    for (int i = 1; i <= 10; i++) {
      b.append(i > 1 ? "," : "").append("{\"jsonrpc\":\"2.0\",\"id\":").append(i)
          .append(",\"method\":\"eth_blockNumber\",\"params\":[]}");
    }
    batch = b.append(']').toString().getBytes(StandardCharsets.UTF_8);
    id = Json.read("42".getBytes(StandardCharsets.UTF_8));
    blockNumber = Json.MAPPER.getNodeFactory().textNode("0x1b4");
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (int i = 0; i < 1000; i++) {
      list.add(Json.MAPPER.readTree(LogsJson.log(i)));
    }
    logs = list;
  }

  @Benchmark
  public RpcBody decodeCall() {
    return decoder.decode(single);
  }

  @Benchmark
  public RpcBody decodeBatchOf10() {
    return decoder.decode(batch);
  }

  @Benchmark
  public Buffer encodeReply() {
    return Json.buffer(RpcResponse.result(id, blockNumber).toJson());
  }

  @Benchmark
  public Buffer encodeReplyOf1000Logs() {
    return Json.buffer(RpcResponse.result(id, logs).toJson());
  }

  /** A log as GoQuorum writes it; 50 contracts, 20 logs each. */
  static final class LogsJson {
    static String log(int i) {
      return "{\"address\":\"" + contract(i % 50) + "\",\"topics\":[\"0x" + "ab".repeat(32) + "\"],"
          + "\"data\":\"0xca11" + String.format("%04x", i) + "\",\"blockNumber\":\"0x" + Integer.toHexString(10 + i / 50)
          + "\",\"transactionHash\":\"0x" + String.format("%064x", i) + "\",\"transactionIndex\":\"0x"
          + Integer.toHexString(i % 50) + "\",\"blockHash\":\"0x" + String.format("%064x", 1_000_000 + i / 50)
          + "\",\"logIndex\":\"0x" + Integer.toHexString(i % 50) + "\",\"removed\":false}";
    }

    static String contract(int n) {
      return "0x" + String.format("%040x", 0xc0000 + n);
    }
  }
}
