package dev.scopegate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A raw client of Scopegate's IPC socket (Java's own Unix-socket channel), as {@code socat} would
 * be. Every read has a deadline: a test waits for bytes, never for time to pass.
 */
public final class IpcClient implements AutoCloseable {
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private final SocketChannel channel;
  private final Selector selector;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private boolean eof;

  private IpcClient(SocketChannel channel, Selector selector) {
    this.channel = channel;
    this.selector = selector;
  }

  public static IpcClient connect(Path path) throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    channel.connect(UnixDomainSocketAddress.of(path));
    channel.configureBlocking(false);
    Selector selector = Selector.open();
    channel.register(selector, SelectionKey.OP_READ);
    return new IpcClient(channel, selector);
  }

  public IpcClient send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.UTF_8));
  }

  public IpcClient send(byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (buffer.hasRemaining()) {
      if (channel.write(buffer) == 0) {
        // The server is not reading (it pauses when a client does not read its answers).
        readAvailable(Math.min(10, remainingMillis(deadline, "writing")));
      }
    }
    return this;
  }

  /** The next line the server sends, without its newline. */
  public String line() throws IOException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    int newline;
    while ((newline = indexOf('\n')) < 0) {
      if (eof) {
        throw new AssertionError("connection closed; unterminated: " + received);
      }
      readAvailable(remainingMillis(deadline, "a line"));
    }
    byte[] all = received.toByteArray();
    received.reset();
    received.write(all, newline + 1, all.length - newline - 1);
    return new String(all, 0, newline, StandardCharsets.UTF_8);
  }

  public JsonNode json() throws IOException {
    return Json.MAPPER.readTree(line());
  }

  /** Whether the server closes the connection with nothing more sent. */
  public boolean closedByServer() throws IOException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!eof) {
      readAvailable(remainingMillis(deadline, "the server to close"));
    }
    return received.size() == 0;
  }

  private void readAvailable(long timeoutMillis) throws IOException {
    selector.select(Math.max(1, timeoutMillis));
    selector.selectedKeys().clear();
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    int n;
    try {
      while ((n = channel.read(buffer)) > 0) {
        received.write(buffer.array(), 0, n);
        buffer.clear();
      }
    } catch (SocketException reset) {
      n = -1; // the server closed with bytes of ours unread: Linux reports that as a reset
    }
    eof |= n < 0;
  }

  private int indexOf(char c) {
    byte[] bytes = received.toByteArray();
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private static long remainingMillis(long deadline, String waitingFor) {
    long left = (deadline - System.nanoTime()) / 1_000_000;
    if (left <= 0) {
      throw new AssertionError("timed out waiting for " + waitingFor);
    }
    return left;
  }

  @Override
  public void close() throws IOException {
    selector.close();
    channel.close();
  }
}
