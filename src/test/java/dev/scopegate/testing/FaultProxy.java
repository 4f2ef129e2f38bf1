package dev.scopegate.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP stand-in between Scopegate and a neighbour (the node's HTTP port, Tessera) whose
 * behaviour a test switches: pass bytes, refuse (close at once, as a stopped process would),
 * stall, cut the answer after its headers or halfway through its body, answer garbage, or stream
 * a body without end. The mode in force when a request arrives decides how it is met.
 */
public final class FaultProxy {
  public enum Mode {
    PASS, REFUSE, STALL, CUT_AFTER_HEADERS, CUT_MID_BODY, GARBAGE, ENDLESS,
    /** 404 with an empty body to every request. */
    NOT_FOUND,
    /** 200 with well-formed JSON that is no answer of the service asked ({@code {"payload":"AAAA"}}). */
    WRONG_JSON
  }

  private static final Buffer GARBAGE_ANSWER = Buffer.buffer(
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 21\r\n\r\n\u0001not json{{]]</html>\n",
      StandardCharsets.ISO_8859_1.name());

  private static final Buffer NOT_FOUND_ANSWER = Buffer.buffer("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
  private static final Buffer WRONG_JSON_ANSWER = Buffer.buffer(
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 18\r\n\r\n{\"payload\":\"AAAA\"}");

  private final Vertx vertx;
  private final NetServer server;
  private final NetClient client;
  private final int targetPort;
  private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong attempts = new AtomicLong();
  private final AtomicLong endlessBytes = new AtomicLong();
  private volatile Mode mode;

  private FaultProxy(Vertx vertx, int targetPort, Mode mode) {
    this.vertx = vertx;
    this.server = vertx.createNetServer();
    this.client = vertx.createNetClient();
    this.targetPort = targetPort;
    this.mode = mode;
  }

  /** In front of {@code target} (loopback, its port), starting in {@code mode}. */
  public static FaultProxy start(Vertx vertx, URI target, Mode mode) throws Exception {
    FaultProxy proxy = new FaultProxy(vertx, target.getPort(), mode);
    proxy.server.connectHandler(proxy::accept).listen(0, "127.0.0.1").await();
    return proxy;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.actualPort() + "/");
  }

  /** Connections accepted so far (to wait for Scopegate's next attempt). */
  public long accepted() {
    return accepted.get();
  }

  /** Requests met so far (a refused connection counts as one): to wait for the next retry. */
  public long attempts() {
    return attempts.get();
  }

  /** Bytes of endless body written so far. */
  public long endlessBytes() {
    return endlessBytes.get();
  }

  /** Connections open now, in either direction. */
  public int openConnections() {
    return open.size();
  }

  /**
   * From now on: each request is met as {@code next} says, on connections already open too (a
   * pooled keep-alive connection must not carry the old behaviour). {@link Mode#REFUSE} also
   * closes every open connection, as a stopped process would.
   */
  public void mode(Mode next) {
    mode = next;
    if (next == Mode.REFUSE) {
      open.forEach(NetSocket::close);
    }
  }

  private void accept(NetSocket in) {
    accepted.incrementAndGet();
    track(in);
    if (mode == Mode.REFUSE) {
      attempts.incrementAndGet();
      in.close();
      return;
    }
    NetSocket[] out = new NetSocket[1];
    Mode[] answering = {Mode.PASS};
    in.handler(request -> {
      attempts.incrementAndGet();
      Mode now = mode;
      switch (now) {
        case REFUSE -> in.close();
        case STALL -> { } // read and never answered
        case GARBAGE -> in.write(GARBAGE_ANSWER);
        case NOT_FOUND -> in.write(NOT_FOUND_ANSWER);
        case WRONG_JSON -> in.write(WRONG_JSON_ANSWER);
        case ENDLESS -> endless(in);
        default -> {
          answering[0] = now;
          relay(in, out, answering, request);
        }
      }
    });
    in.closeHandler(v -> {
      open.remove(in);
      if (out[0] != null) {
        out[0].close();
      }
    });
  }

  private void track(NetSocket socket) {
    open.add(socket);
    socket.closeHandler(v -> open.remove(socket));
  }

  /** Chunked transfer without a last chunk, written as fast as the reader takes it. */
  private void endless(NetSocket in) {
    in.handler(b -> {});
    in.write(Buffer.buffer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "1\r\n[\r\n"));
    Buffer chunk = Buffer.buffer(Integer.toHexString(65_536 + 3) + "\r\n\"" + "a".repeat(65_536) + "\",\r\n");
    Runnable[] pump = new Runnable[1];
    pump[0] = () -> {
      while (open.contains(in) && !in.writeQueueFull()) {
        in.write(chunk);
        endlessBytes.addAndGet(chunk.length());
      }
      if (open.contains(in)) {
        in.drainHandler(v -> pump[0].run());
      }
    };
    pump[0].run();
  }

  /** Forwards {@code request} on this connection's own link to the target (opened once). */
  private void relay(NetSocket in, NetSocket[] out, Mode[] answering, Buffer request) {
    if (out[0] != null) {
      out[0].write(request);
      return;
    }
    in.pause();
    client.connect(targetPort, "127.0.0.1").onComplete(connected -> {
      if (connected.failed()) {
        in.close();
        return;
      }
      NetSocket target = connected.result();
      out[0] = target;
      track(target);
      target.closeHandler(v -> {
        open.remove(target);
        in.close();
      });
      target.handler(answer -> answer(in, target, answering[0], answer));
      target.write(request);
      in.resume();
    });
  }

  private void answer(NetSocket in, NetSocket target, Mode now, Buffer answer) {
    if (now == Mode.PASS) {
      in.write(answer);
      return;
    }
    int headersEnd = indexOf(answer, "\r\n\r\n");
    int keep = headersEnd < 0 ? answer.length()
        : now == Mode.CUT_AFTER_HEADERS ? headersEnd + 4
        : headersEnd + 4 + (answer.length() - headersEnd - 4) / 2;
    in.write(answer.getBuffer(0, keep)).onComplete(w -> {
      in.close();
      target.close();
    });
  }

  private static int indexOf(Buffer buffer, String text) {
    return buffer.toString(StandardCharsets.ISO_8859_1).indexOf(text);
  }

  public Future<Void> close() {
    mode(Mode.REFUSE);
    return server.close().compose(v -> client.close());
  }
}
