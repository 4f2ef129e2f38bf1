package dev.scopegate.transport.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.upstream.ws.Notification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One {@code newHeads} notification (a 1.5 KB GoQuorum header) to 1 000 subscriptions, per
 * delivery: the envelope built as a tree and written per subscriber (before), and the shared
 * encoding spliced into each subscription's text (now). The outbox turns the text into UTF-8
 * bytes as {@code writeTextMessage} does; the socket write itself is not part of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FanoutBenchmark {
  private static final int SUBSCRIBERS = 1000;

  private final List<String> ids = new ArrayList<>();
  private final List<ClientSubscription> subscriptions = new ArrayList<>();
  private JsonNode head;
  private long written;

  @Setup
  public void setUp() throws Exception {
    String hash = "0x" + "ab".repeat(32);
    head = Json.MAPPER.readTree("{\"parentHash\":\"" + hash + "\",\"sha3Uncles\":\"" + hash
        + "\",\"miner\":\"0x" + "00".repeat(20) + "\",\"stateRoot\":\"" + hash + "\",\"transactionsRoot\":\""
        + hash + "\",\"receiptsRoot\":\"" + hash + "\",\"logsBloom\":\"0x" + "0".repeat(512)
        + "\",\"difficulty\":\"0x1\",\"number\":\"0x1b4\",\"gasLimit\":\"0xe0000000\",\"gasUsed\":\"0x0\","
        + "\"timestamp\":\"0x6571c2a0\",\"extraData\":\"0x" + "d8".repeat(97) + "\",\"mixHash\":\"" + hash
        + "\",\"nonce\":\"0x0000000000000000\",\"hash\":\"" + hash + "\"}");
    Outbox outbox = this::write;
    for (int i = 0; i < SUBSCRIBERS; i++) {
      String id = "0x" + String.format("%032x", i);
      ids.add(id);
      ClientSubscription s = new ClientSubscription(null, id, Principal.operator("bench"), false,
          LogVisibility.NODE_ISOLATES, Duration.ofSeconds(1), outbox, ended -> {});
      s.announce();
      subscriptions.add(s);
    }
  }

  private boolean write(String text) {
    written += text.getBytes(StandardCharsets.UTF_8).length;
    return true;
  }

  @Benchmark
  @OperationsPerInvocation(SUBSCRIBERS)
  public long treePerSubscriber() {
    for (String id : ids) {
      ObjectNode params = Json.MAPPER.createObjectNode().put("subscription", id);
      params.set("result", head);
      ObjectNode message = Json.MAPPER.createObjectNode().put("jsonrpc", "2.0").put("method", "eth_subscription");
      message.set("params", params);
      write(Json.string(message));
    }
    return written;
  }

  @Benchmark
  @OperationsPerInvocation(SUBSCRIBERS)
  public long sharedEncoding() {
    Notification shared = Notification.of(head);
    for (ClientSubscription s : subscriptions) {
      s.notification(shared);
    }
    return written;
  }
}
