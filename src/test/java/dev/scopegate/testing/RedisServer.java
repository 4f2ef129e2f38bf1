package dev.scopegate.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Redis (Debian's {@code redis-server}) on a free loopback port, with no persistence, in a
 * temporary directory; started and stopped by the test, and killable and restartable on the same
 * port (Redis lost mid-run, Redis back). Without redis-server a developer's run skips the test
 * with the command to install it; under CI ({@code CI} set) its absence fails the test, so a build
 * that forgot to install it cannot pass green.
 */
public final class RedisServer implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/redis-server");
  private static final Duration START = Duration.ofSeconds(20);
  private static final String READY = "Ready to accept connections";

  private final Path dir;
  private final int port;
  private final List<String> flags;
  private Process process;

  private RedisServer(Path dir, int port, List<String> flags) {
    this.dir = dir;
    this.port = port;
    this.flags = flags;
  }

  /**
   * Starts a Redis on a free port with these extra flags (e.g. {@code --requirepass x}); waits
   * (bounded) until it says it accepts connections.
   */
  public static RedisServer start(String... flags) throws Exception {
    require();
    RedisServer server = new RedisServer(Files.createTempDirectory("scopegate-redis"), freePort(), List.of(flags));
    server.restart();
    return server;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Kills Redis at once (SIGKILL, as a crash): its port closes, its data is gone. */
  public void kill() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Stops Redis answering without closing its port (SIGSTOP): a hung Redis, for timeouts. */
  public void freeze() throws Exception {
    signal("-STOP");
  }

  /** Lets a frozen Redis go on (SIGCONT). */
  public void thaw() throws Exception {
    signal("-CONT");
  }

  private void signal(String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IllegalStateException("kill " + signal + " failed");
    }
  }

  /** Starts Redis again, on the same port, empty. */
  public void restart() throws Exception {
    kill();
    List<String> command = new ArrayList<>(List.of(BINARY.toString(),
        "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString(),
        "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "notice"));
    command.addAll(flags);
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Process started = process;
    Thread reader = new Thread(() -> read(started, ready), "redis-server-output");
    reader.setDaemon(true);
    reader.start();
    try {
      ready.get(START.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      started.destroyForcibly();
      throw new IllegalStateException("redis-server did not start on port " + port + " within " + START, e);
    }
  }

  @Override
  public void close() throws Exception {
    kill();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(RedisServer::delete);
    }
  }

  /** Reads Redis's log to the end (so it never blocks on a full pipe), noting when it is ready. */
  private static void read(Process process, CompletableFuture<Void> ready) {
    StringBuilder log = new StringBuilder();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.contains(READY)) {
          ready.complete(null);
        } else if (!ready.isDone()) {
          log.append(line).append('\n');
        }
      }
      ready.completeExceptionally(new IllegalStateException("redis-server exited: " + process.waitFor() + "\n" + log));
    } catch (IOException | InterruptedException e) {
      ready.completeExceptionally(e);
    }
  }

  private static void require() {
    if (Files.isExecutable(BINARY)) {
      return;
    }
    String missing = BINARY + " is missing: install it with `apt-get install redis-server` (.ci/run does)";
    if (System.getenv("CI") != null && !System.getenv("CI").isEmpty()) {
      throw new AssertionError(missing);
    }
    Assumptions.abort(missing);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
