package dev.scopegate.bench;

import dev.scopegate.Main;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrameType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The benchmark's own load clients (bench/run.sh), for what wrk cannot do. Each prints one line
 * of {@code key=value} figures. Not part of the product.
 *
 * <ul>
 *   <li>{@code paced URL RATE SECONDS CONNECTIONS BODY [HEADER:VALUE...]}: open-loop HTTP POSTs
 *       at a fixed rate; a call's latency counts from when it was due, not when it was sent, so a
 *       stall is not hidden (no coordinated omission, as wrk2 would measure).
 *   <li>{@code count URL N CONCURRENCY BODY [HEADER:VALUE...]}: exactly N POSTs, at most
 *       CONCURRENCY at once, all answered before it returns: the script counts what reached the
 *       upstream meanwhile (a saturating run leaves calls in flight at its end, so it cannot).
 *   <li>{@code ws-calls URL SECONDS CONNECTIONS BODY [HEADER:VALUE...]}: closed loop, each
 *       WebSocket sends its next call when the previous answer arrives.
 *   <li>{@code fanout URL SUBSCRIBERS HEADS CONTROL_URL PID [HEADER:VALUE...]}: that many
 *       WebSockets subscribe to newHeads; the client mines each head itself (the node's control
 *       port) and measures from that moment to each subscriber's notification; reads PID's RSS,
 *       and PID's CPU time (user + system) from the first head to the last delivery. One head is
 *       mined and delivered to all before the measured ones (its latencies are reported apart as
 *       {@code first_head_p99_ms}): a node mines a head every few seconds, so in service the
 *       delivery path is compiled long before 10 000 clients wait on it.
 *   <li>{@code backfill-direct NODE_URL TESSERA_URL LAST_BLOCK}: the privacy index's reads (see
 *       privacy/BlockReader), straight to the node and Tessera, windows of 64 blocks in order.
 * </ul>
 */
public final class BenchClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchClient() {}

  public static void main(String[] args) throws Exception {
    Vertx vertx = Main.newVertx();
    String line;
    try {
      line = run(vertx, args);
    } catch (Exception | Error e) {
      // the event loops would keep the JVM (and the run waiting on it) alive after main ended
      e.printStackTrace();
      System.exit(1);
      return;
    }
    System.out.println(line);
    System.out.flush();
    // no orderly close: thousands of sockets may still be open, and the figures are out
    System.exit(0);
  }

  private static String run(Vertx vertx, String[] args) throws Exception {
    return switch (args[0]) {
      case "paced" -> paced(vertx, args);
      case "count" -> count(vertx, args);
      case "ws-calls" -> wsCalls(vertx, args);
      case "fanout" -> fanout(vertx, args);
      case "backfill-direct" -> backfillDirect(vertx, args);
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    };
  }

  private static Map<String, String> headers(String[] args, int from) {
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    for (int i = from; i < args.length; i++) {
      int colon = args[i].indexOf(':');
      headers.put(args[i].substring(0, colon), args[i].substring(colon + 1).trim());
    }
    return headers;
  }

  private static String ms(Latencies h, double percentile) {
    return h.ms(percentile);
  }

  // ---------------------------------------------------------------------------------- paced

  private static String paced(Vertx vertx, String[] args) throws Exception {
    String url = args[1];
    int rate = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int connections = Integer.parseInt(args[4]);
    Buffer body = Buffer.buffer(args[5]);
    Map<String, String> headers = headers(args, 6);
    HttpClient client = vertx.createHttpClient(
        new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    Latencies latency = new Latencies();
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    // The first seconds open the connections and compile this client's own path: its C2 threads
    // took 1.3, 0.9, 0.4 and 0.07 s of CPU in consecutive 4 s windows of a paced run (perf sched,
    // 2026-12-07), on the two cores the row measures. Those seconds are sent but not counted.
    long warmup = Math.min(Long.getLong("bench.pacedWarmSeconds", 8), seconds * 2L / 3);
    long total = (long) rate * (seconds + warmup);
    long counted = (long) rate * warmup;
    Promise<Void> done = Promise.promise();
    AtomicLong answered = new AtomicLong();
    long start = System.nanoTime();
    // Each call leaves at its due time, to the event loop's timer precision (Netty schedules in
    // nanoseconds; tens of microseconds on epoll): a 1 ms periodic timer used before held calls up
    // to a millisecond, which put the direct row's median at 1.2-1.7 ms, hiding the 0.2 ms the
    // added-latency target is about. Latency still counts from the due time, not the send.
    io.vertx.core.internal.ContextInternal loop = (io.vertx.core.internal.ContextInternal) vertx.getOrCreateContext();
    long[] sent = {0};
    Runnable[] sendDue = new Runnable[1];
    sendDue[0] = () -> loop.emit(null, ignored -> {
      long now = System.nanoTime();
      for (; sent[0] < total && start + sent[0] * 1_000_000_000L / rate <= now; sent[0]++) {
        long index = sent[0];
        long dueAt = start + index * 1_000_000_000L / rate;
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url);
        headers.forEach(options::addHeader);
        client.request(options)
            .compose(request -> request.send(body))
            .compose(response -> response.body().map(response.statusCode()))
            .onComplete(result -> {
              if (index >= counted) {
                if (result.succeeded() && result.result() == 200) {
                  ok.incrementAndGet();
                  latency.record(Math.max(0, System.nanoTime() - dueAt));
                } else {
                  failed.incrementAndGet();
                }
              }
              if (answered.incrementAndGet() == total) {
                done.tryComplete();
              }
            });
      }
      if (sent[0] < total) {
        long next = start + sent[0] * 1_000_000_000L / rate;
        loop.nettyEventLoop().schedule(sendDue[0], Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    });
    loop.nettyEventLoop().execute(sendDue[0]);
    done.future().toCompletionStage().toCompletableFuture().get(seconds + warmup + 60, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - start) / 1e9 - warmup;
    return "rate=" + rate + " ok=" + ok.get() + " failed=" + failed.get()
        + " rps=" + String.format("%.0f", ok.get() / elapsed)
        + " p50_ms=" + ms(latency, 50) + " p99_ms=" + ms(latency, 99) + " max_ms=" + ms(latency, 100);
  }

  // ---------------------------------------------------------------------------------- count

  private static String count(Vertx vertx, String[] args) throws Exception {
    String url = args[1];
    int n = Integer.parseInt(args[2]);
    int concurrency = Integer.parseInt(args[3]);
    Buffer body = Buffer.buffer(args[4]);
    Map<String, String> headers = headers(args, 5);
    HttpClient client = vertx.createHttpClient(
        new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(concurrency));
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    java.util.concurrent.atomic.AtomicReference<String> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(concurrency);
    java.util.concurrent.CountDownLatch all = new java.util.concurrent.CountDownLatch(n);
    Context loop = vertx.getOrCreateContext();
    for (int i = 0; i < n; i++) {
      slots.acquire();
      RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url);
      headers.forEach(options::addHeader);
      onLoop(loop, () -> client.request(options)
              .compose(request -> request.send(body))
              .compose(response -> response.body().map(b -> {
                boolean good = response.statusCode() == 200 && !b.toString().contains("\"error\"");
                if (!good) { // the first failure says what it was (a run that stops must say why)
                  firstFailure.compareAndSet(null, "HTTP " + response.statusCode() + " "
                      + b.toString().substring(0, Math.min(300, b.length())));
                }
                return good;
              })))
          .onComplete(result -> {
            if (result.failed()) {
              firstFailure.compareAndSet(null, result.cause().toString());
            }
            (result.succeeded() && result.result() ? ok : failed).incrementAndGet();
            slots.release();
            all.countDown();
          });
    }
    all.await(120, TimeUnit.SECONDS);
    if (firstFailure.get() != null) {
      System.err.println("count " + url + ": first failure: " + firstFailure.get());
    }
    return "ok=" + ok.get() + " failed=" + failed.get();
  }

  // ------------------------------------------------------------------------------- ws-calls

  private static WebSocketClient wsClient(Vertx vertx, int connections) {
    return vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(connections).setConnectTimeout(30_000).setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 24));
  }

  private static WebSocketConnectOptions connectOptions(String url, Map<String, String> headers) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setAbsoluteURI(url).setTimeout(60_000);
    headers.forEach((k, v) -> {
      if (!k.equals("Content-Type")) {
        options.addHeader(k, v);
      }
    });
    return options;
  }

  private static String wsCalls(Vertx vertx, String[] args) throws Exception {
    String url = args[1];
    int seconds = Integer.parseInt(args[2]);
    int connections = Integer.parseInt(args[3]);
    String body = args[4];
    Map<String, String> headers = headers(args, 5);
    WebSocketClient client = wsClient(vertx, connections);
    List<Future<WebSocket>> opened = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      opened.add(client.connect(connectOptions(url, headers)));
    }
    Future.all(opened).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    Latencies latency = new Latencies();
    AtomicLong count = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long[] measuring = {0}; // nanoTime when counting started; 0 while warming up
    long warmup = Math.min(2, seconds / 5);
    for (Future<WebSocket> f : opened) {
      WebSocket ws = f.result();
      long[] sentAt = {0};
      ws.textMessageHandler(text -> {
        long now = System.nanoTime();
        if (measuring[0] != 0) {
          if (text.contains("\"result\"")) {
            count.incrementAndGet();
            latency.record(now - sentAt[0]);
          } else {
            errors.incrementAndGet();
          }
        }
        sentAt[0] = System.nanoTime();
        ws.writeTextMessage(body);
      });
      sentAt[0] = System.nanoTime();
      ws.writeTextMessage(body);
    }
    Thread.sleep(warmup * 1000);
    latency.reset();
    count.set(0);
    measuring[0] = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    long n = count.get();
    double elapsed = (System.nanoTime() - measuring[0]) / 1e9;
    Latencies h = latency;
    return "connections=" + connections + " ok=" + n + " failed=" + errors.get()
        + " rps=" + String.format("%.0f", n / elapsed) + " p50_ms=" + ms(h, 50) + " p99_ms=" + ms(h, 99);
  }

  // --------------------------------------------------------------------------------- fanout

  private static String fanout(Vertx vertx, String[] args) throws Exception {
    String url = args[1];
    int subscribers = Integer.parseInt(args[2]);
    int heads = Integer.parseInt(args[3]);
    String control = args[4];
    long pid = Long.parseLong(args[5]);
    Map<String, String> headers = headers(args, 6);
    WebSocketClient client = wsClient(vertx, subscribers);
    HttpClient http = vertx.createHttpClient();
    Context loop = vertx.getOrCreateContext();
    Map<Long, Long> minedAt = new ConcurrentHashMap<>();
    AtomicLong pending = new AtomicLong();
    Map<Long, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    Latencies latency = new Latencies();
    AtomicReference<Latencies> recording = new AtomicReference<>(latency);
    AtomicInteger subscribed = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    long idleRss = rssKiB(pid);
    String subscribe = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}";
    // connect in waves so the connect storm itself is not what is measured
    int wave = 500;
    long connectStart = System.nanoTime();
    for (int first = 0; first < subscribers; first += wave) {
      List<Future<?>> opening = new ArrayList<>();
      for (int i = first; i < Math.min(subscribers, first + wave); i++) {
        Promise<Void> ready = Promise.promise();
        opening.add(ready.future());
        client.connect(connectOptions(url, headers)).onComplete(result -> {
          if (result.failed()) {
            failures.incrementAndGet();
            ready.tryComplete();
            return;
          }
          WebSocket ws = result.result();
          // Frames, not messages: Scopegate sends each notification and answer as one final text
          // frame, so each is read in place, without the aggregator's copy or a decoded String
          // (the client shares the cores with what it measures: BenchClient spent more CPU per
          // delivery reading text than Scopegate spent writing it). A fragmented message would
          // not be parsed here and counts as a failure.
          ws.frameHandler(frame -> {
            WebSocketFrameType type = frame.type();
            if (type == WebSocketFrameType.PING || type == WebSocketFrameType.PONG
                || type == WebSocketFrameType.CLOSE) {
              return;
            }
            long now = System.nanoTime();
            if (!frame.isFinal() || type == WebSocketFrameType.CONTINUATION) {
              failures.incrementAndGet();
              return;
            }
            ByteBuf bytes = ((BufferInternal) frame.binaryData()).getByteBuf();
            long number = headNumber(bytes);
            if (number < 0) {
              String text = bytes.toString(StandardCharsets.UTF_8);
              if (text.contains("\"id\":1") && text.contains("\"result\"")) {
                subscribed.incrementAndGet();
              } else if (!text.contains("\"result\"")) {
                failures.incrementAndGet();
              }
              ready.tryComplete();
              return;
            }
            // pending before minedAt: mineAndWait records the head, then clears pending, so a
            // head seen with pending already cleared is in minedAt (read the other way round, a
            // head arriving between the two writes was counted as no head at all)
            long mining = pending.get();
            Long mined = minedAt.get(number);
            if (mined == null && mining > 0) {
              mined = mining; // the head being mined: it can arrive before /mine answers
            }
            if (mined != null) {
              recording.get().record(now - mined);
              deliveries.computeIfAbsent(number, k -> new AtomicInteger()).incrementAndGet();
            }
          });
          ws.writeTextMessage(subscribe);
        });
      }
      Future.join(opening.stream().map(f -> (Future<?>) f).toList())
          .toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    }
    double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
    long subscribedRss = rssKiB(pid);
    AtomicLong peak = new AtomicLong(subscribedRss);
    int expected = subscribed.get();
    int complete = 0;
    Latencies measured = latency;
    // Warm-up heads, as the HTTP rows get JIT_WARM seconds of load per call shape: a fresh
    // Scopegate (and this client) compile the delivery path during the first heads, and the JIT's
    // threads take the cores the fan-out needs. The first is reported apart (the cold figure).
    Latencies first = new Latencies();
    StringBuilder warmHeads = new StringBuilder();
    for (int k = 0; k < WARM_HEADS; k++) {
      Latencies warm = k == 0 ? first : new Latencies();
      recording.set(warm);
      mineAndWait(loop, http, control, minedAt, pending, deliveries, expected, () -> {});
      warmHeads.append(k == 0 ? "" : ",").append(ms(warm, 99));
      Thread.sleep(200);
    }
    recording.set(measured);
    long delivered0 = deliveries.values().stream().mapToLong(AtomicInteger::get).sum();
    long cpuBefore = cpuTicks(pid);
    long sysBefore = sysTicks(pid);
    long self = ProcessHandle.current().pid();
    long clientBefore = cpuTicks(self);
    StringBuilder perHead = new StringBuilder();
    for (int k = 0; k < heads; k++) {
      Thread.sleep(500);
      Latencies head = new Latencies();
      recording.set(head);
      if (mineAndWait(loop, http, control, minedAt, pending, deliveries, expected,
          () -> peak.accumulateAndGet(rssKiB(pid), Math::max))) {
        complete++;
      }
      measured.addAll(head);
      perHead.append(k == 0 ? "" : ",").append(ms(head, 99));
    }
    long peakRss = Math.max(peak.get(), rssKiB(pid));
    long cpuMs = (cpuTicks(pid) - cpuBefore) * 1000 / CLOCK_TICKS;
    long sysMs = (sysTicks(pid) - sysBefore) * 1000 / CLOCK_TICKS;
    long clientMs = (cpuTicks(self) - clientBefore) * 1000 / CLOCK_TICKS;
    long delivered = deliveries.values().stream().mapToLong(AtomicInteger::get).sum() - delivered0;
    return "subscribers=" + subscribers + " subscribed=" + expected + " failed=" + failures.get()
        + " connect_s=" + String.format("%.1f", connectSeconds)
        + " heads=" + heads + " heads_complete=" + complete
        + " delivered=" + delivered + " expected=" + ((long) expected * heads)
        + " p50_ms=" + ms(latency, 50) + " p99_ms=" + ms(latency, 99) + " max_ms=" + ms(latency, 100)
        + " rss_before_mib=" + idleRss / 1024 + " rss_subscribed_mib=" + subscribedRss / 1024
        + " rss_peak_mib=" + peakRss / 1024
        + " cpu_ms=" + cpuMs + " cpu_sys_ms=" + sysMs + " cpu_us_per_delivery=" + (delivered > 0 ? cpuMs * 1000 / delivered : 0)
        + " client_cpu_us_per_delivery=" + (delivered > 0 ? clientMs * 1000 / delivered : 0)
        + " first_head_p50_ms=" + ms(first, 50) + " first_head_p99_ms=" + ms(first, 99)
        + " warm_heads=" + WARM_HEADS + " warm_head_p99_ms=" + warmHeads + " head_p99_ms=" + perHead;
  }

  /** Heads mined before the measured ones (-Dbench.warmHeads, default 5). */
  private static final int WARM_HEADS = Integer.getInteger("bench.warmHeads", 5);

  private static final byte[] NUMBER_KEY = "\"number\":\"0x".getBytes(StandardCharsets.US_ASCII);
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[1 << 16]);

  /**
   * A newHeads notification's block number, read from its bytes (copied once into a per-thread
   * array and scanned there: Netty's indexOf on the frame's slice checked bounds per byte and cost
   * more than the rest of the client's handler); -1 when it has none.
   */
  static long headNumber(ByteBuf message) {
    int length = message.readableBytes();
    byte[] bytes = length <= (1 << 16) ? SCRATCH.get() : new byte[length];
    message.getBytes(message.readerIndex(), bytes, 0, length);
    int last = length - NUMBER_KEY.length;
    for (int at = 0; at <= last; at++) {
      if (bytes[at] != '"' || !Arrays.equals(bytes, at, at + NUMBER_KEY.length, NUMBER_KEY, 0, NUMBER_KEY.length)) {
        continue;
      }
      long number = 0;
      for (int i = at + NUMBER_KEY.length; i < length; i++) {
        int digit = Character.digit((char) bytes[i], 16);
        if (digit < 0) {
          return bytes[i] == '"' ? number : -1;
        }
        number = number << 4 | digit;
      }
      return -1;
    }
    return -1;
  }

  /**
   * Mines one head and waits (at most 10 s, running {@code waiting} every 5 ms) until every
   * subscriber has it; whether all did. Latencies count from before the request: the head may
   * reach a subscriber before /mine answers.
   */
  private static boolean mineAndWait(Context loop, HttpClient http, String control, Map<Long, Long> minedAt, AtomicLong pending,
      Map<Long, AtomicInteger> deliveries, int expected, Runnable waiting) throws Exception {
    long t0 = System.nanoTime();
    pending.set(t0);
    long n = mine(loop, http, control);
    minedAt.put(n, t0);
    pending.set(0);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline && deliveries.getOrDefault(n, new AtomicInteger()).get() < expected) {
      Thread.sleep(5);
      waiting.run();
    }
    return deliveries.getOrDefault(n, new AtomicInteger()).get() >= expected;
  }

  private static long mine(Context loop, HttpClient http, String control) throws Exception {
    String number = onLoop(loop, () -> http.request(HttpMethod.POST, portOf(control), "127.0.0.1", "/mine")
            .compose(request -> request.send())
            .compose(response -> response.body()))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).toString();
    return Long.parseLong(number.trim());
  }

  /** Linux's USER_HZ: /proc/PID/stat counts CPU time in these. */
  private static final long CLOCK_TICKS = 100;

  /** utime + stime of {@code pid} (fields 14 and 15 of /proc/PID/stat), or 0 when unreadable. */
  static long cpuTicks(long pid) {
    long[] times = stat(pid);
    return times[0] + times[1];
  }

  /** stime alone: the kernel's share (on loopback, a socket write carries the receive side too). */
  static long sysTicks(long pid) {
    return stat(pid)[1];
  }

  private static long[] stat(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    } catch (java.io.IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  private static int portOf(String url) {
    return java.net.URI.create(url).getPort();
  }

  static long rssKiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (java.io.IOException e) {
      return -1;
    }
    return -1;
  }

  // ------------------------------------------------------------------------ backfill-direct

  /**
   * The reads of privacy/BlockReader for blocks 0..last, in windows of 64, against the node. Each
   * window starts on an event loop ({@link #onLoop}).
   */
  private static String backfillDirect(Vertx vertx, String[] args) throws Exception {
    java.net.URI node = java.net.URI.create(args[1]);
    java.net.URI tessera = java.net.URI.create(args[2]);
    long last = Long.parseLong(args[3]);
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(16));
    Context loop = vertx.getOrCreateContext();
    long start = System.nanoTime();
    long requests = 0;
    for (long first = 0; first <= last; first += 64) {
      int count = (int) Math.min(64, last - first + 1);
      ArrayNode batch = JSON.createArrayNode();
      for (int i = 0; i < count; i++) {
        batch.add(call(i, "eth_getBlockByNumber", "0x" + Long.toHexString(first + i), true));
      }
      Future<Integer> window = onLoop(loop, () -> postAsync(client, node, batch).compose(blocks -> {
        List<Future<Integer>> perBlock = new ArrayList<>();
        for (JsonNode answer : blocks) {
          perBlock.add(privateReads(client, node, tessera, answer.path("result")));
        }
        return Future.all(perBlock).map(all -> 1 + perBlock.stream().mapToInt(Future::result).sum());
      }));
      requests += window.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return "blocks=" + (last + 1) + " seconds=" + String.format("%.2f", seconds)
        + " blocks_per_s=" + String.format("%.0f", (last + 1) / seconds) + " requests=" + requests;
  }

  /** Tessera for each private transaction, then receipts and the block's call trace: as BlockReader. */
  private static Future<Integer> privateReads(HttpClient client, java.net.URI node, java.net.URI tessera, JsonNode block) {
    List<JsonNode> txs = new ArrayList<>();
    for (JsonNode tx : block.path("transactions")) {
      String v = tx.path("v").asText();
      if ((v.equals("0x25") || v.equals("0x26")) && tx.path("input").asText().length() == 130) {
        txs.add(tx);
      }
    }
    if (txs.isEmpty()) {
      return Future.succeededFuture(0);
    }
    List<Future<Boolean>> parties = new ArrayList<>();
    for (JsonNode tx : txs) {
      byte[] hash = HexFormat.of().parseHex(tx.path("input").asText().substring(2));
      String path = tessera.getPath().replaceAll("/$", "") + "/transaction/"
          + java.net.URLEncoder.encode(Base64.getEncoder().encodeToString(hash), java.nio.charset.StandardCharsets.UTF_8);
      parties.add(client.request(new RequestOptions().setHost(tessera.getHost()).setPort(tessera.getPort())
              .setURI(path).addHeader("Accept", "application/vnd.tessera-2.1+json"))
          .compose(r -> r.send())
          .compose(r -> r.body().map(r.statusCode() == 200)));
    }
    return Future.all(parties).compose(all -> {
      ArrayNode receipts = JSON.createArrayNode();
      for (int i = 0; i < txs.size(); i++) {
        if (parties.get(i).result()) {
          receipts.add(call(i, "eth_getTransactionReceipt", txs.get(i).path("hash").asText()));
        }
      }
      if (receipts.isEmpty()) {
        return Future.succeededFuture(txs.size());
      }
      ObjectNode tracer = JSON.createObjectNode().put("tracer", "callTracer");
      Future<JsonNode> r = postAsync(client, node, receipts);
      Future<JsonNode> t = postAsync(client, node, call(0, "debug_traceBlockByNumber", block.path("number").asText(), tracer));
      return Future.all(r, t).map(txs.size() + 2);
    });
  }

  private static ObjectNode call(int id, String method, Object... params) {
    ObjectNode call = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
    call.set("params", JSON.valueToTree(params));
    return call;
  }

  /**
   * {@code work}, started on an event-loop context and waited for from this thread. Requests
   * started from the main thread itself (no context) now and then never completed: the
   * backfill-direct row timed out in four runs of ten that way, in none of fifteen since (nor in
   * any full run).
   */
  private static <T> Future<T> onLoop(Context loop, java.util.function.Supplier<Future<T>> work) {
    Promise<T> answer = Promise.promise();
    loop.runOnContext(v -> {
      try {
        work.get().onComplete(answer);
      } catch (RuntimeException e) { // said at once, not as the caller's timeout
        answer.fail(e);
      }
    });
    return answer.future();
  }

  private static Future<JsonNode> postAsync(HttpClient client, java.net.URI uri, JsonNode body) {
    return client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost(uri.getHost())
            .setPort(uri.getPort()).setURI(uri.getPath().isEmpty() ? "/" : uri.getPath())
            .addHeader("Content-Type", "application/json"))
        .compose(r -> r.send(Buffer.buffer(body.toString())))
        .compose(r -> r.body())
        .map(b -> {
          try {
            return JSON.readTree(b.getBytes());
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
