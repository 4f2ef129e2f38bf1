package dev.scopegate.transport.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.Scopegate;
import dev.scopegate.config.Config;
import dev.scopegate.testing.IpcClient;
import dev.scopegate.testing.ScriptedNode;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.ipc.UnixIpcService;

/** The socket file: its mode from the first moment, what was there before, removal at stop. */
@ExtendWith(VertxExtension.class)
class IpcSocketFileTest {
  @TempDir Path dir;
  private Vertx vertx;
  private ScriptedNode node;
  private Path socket;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    this.vertx = vertx;
    node = ScriptedNode.start(vertx);
    node.echo();
    socket = dir.resolve("scopegate.ipc");
  }

  @AfterEach
  void stop() throws Exception {
    node.close().await(10, TimeUnit.SECONDS);
  }

  private Config config(Path path, String mode) {
    return TestConfigs.withIpc(
        TestConfigs.config(node.url(), TestConfigs.jwt(Optional.empty(), Optional.empty())),
        new Config.Ipc(Optional.of(path), mode, 1024 * 1024));
  }

  private Scopegate started(Config config) throws Exception {
    return Scopegate.start(vertx, config).await(20, TimeUnit.SECONDS);
  }

  /** Why the start failed; a start that succeeds is stopped and fails the test. */
  private Throwable failure(Config config) throws Exception {
    Future<Scopegate> start = Scopegate.start(vertx, config);
    var outcome = start.transform(Future::succeededFuture).await(20, TimeUnit.SECONDS);
    if (outcome.succeeded()) {
      outcome.result().stop().await(20, TimeUnit.SECONDS);
      throw new AssertionError("started, though it should not have");
    }
    return outcome.cause();
  }

  private static void assertAnswers(Path path) throws Exception {
    try (IpcClient client = IpcClient.connect(path)) {
      client.send(Wire.call(1, "net_version", "[]") + "\n");
      assertEquals("net_version", client.json().get("result").asText());
    }
  }

  @ParameterizedTest
  @CsvSource({"0600, rw-------", "0660, rw-rw----"})
  void theSocketFileHasTheConfiguredModeAndNothingIsLeftBeside(String mode, String expected)
      throws Exception {
    Scopegate scopegate = started(config(socket, mode));
    try {
      assertEquals(expected, PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
      int type = (Integer) Files.getAttribute(socket, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
      assertEquals(0140000, type, "a socket");
      try (Stream<Path> files = Files.list(dir)) {
        assertEquals(List.of(socket), files.toList(), "the staging directory is gone");
      }
      assertEquals(Optional.of(socket), scopegate.ipcPath());
      assertAnswers(socket);
    } finally {
      scopegate.stop().await(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void stopRemovesTheFileAndAStartAfterwardsServesAgain() throws Exception {
    started(config(socket, "0600")).stop().await(20, TimeUnit.SECONDS);
    assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
    Scopegate again = started(config(socket, "0600"));
    try {
      assertAnswers(socket);
    } finally {
      again.stop().await(20, TimeUnit.SECONDS);
    }
    assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void aStaleSocketFromACrashedRunIsReplaced() throws Exception {
    try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      crashed.bind(UnixDomainSocketAddress.of(socket));
    } // closed: the file stays, nobody listens
    assertTrue(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
    Scopegate scopegate = started(config(socket, "0600"));
    try {
      assertAnswers(socket);
    } finally {
      scopegate.stop().await(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void aLiveSocketStopsStartupAndIsLeftAlone() throws Exception {
    try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      other.bind(UnixDomainSocketAddress.of(socket));
      Throwable failure = failure(config(socket, "0600"));
      assertInstanceOf(IpcStartException.class, failure);
      assertEquals("ipc.path " + socket + ": another process is listening on this socket (a second"
          + " Scopegate, or a node?); stop it or choose another path", failure.getMessage());
      try (SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
        assertTrue(client.isConnected(), "the other process still has its socket");
      }
    }
  }

  @Test
  void aFileThatIsNoSocketStopsStartupAndIsLeftAlone() throws Exception {
    Files.writeString(socket, "precious");
    Throwable failure = failure(config(socket, "0600"));
    assertEquals("ipc.path " + socket + ": a file that is not a socket is in the way; remove it or"
        + " choose another path", failure.getMessage());
    assertEquals("precious", Files.readString(socket));
  }

  private Path pathOfBytes(int bytes) {
    Path path = dir.resolve("x".repeat(bytes - dir.toString().length() - 1));
    assertEquals(bytes, path.toString().length());
    return path;
  }

  @Test
  void aPathOverTheUnixLimitStopsStartup() throws Exception {
    Path longPath = pathOfBytes(108);
    Throwable failure = failure(config(longPath, "0600"));
    assertEquals("ipc.path " + longPath + ": the path " + longPath + " is 108 bytes long; Unix"
        + " sockets allow at most 107; choose a shorter path", failure.getMessage());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(), files.toList());
    }
  }

  @Test
  void aPathAtTheUnixLimitIsServed() throws Exception {
    Path longest = pathOfBytes(107);
    Scopegate scopegate = started(config(longest, "0600"));
    try {
      // Java's own client stops at 106 bytes; web3j's (jnr) reaches the kernel's 107.
      Web3j web3j = Web3j.build(new UnixIpcService(longest.toString()));
      assertEquals("net_version", web3j.netVersion().send().getNetVersion());
      web3j.shutdown();
    } finally {
      scopegate.stop().await(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void aMissingDirectoryStopsStartup() throws Exception {
    Path nowhere = dir.resolve("missing").resolve("scopegate.ipc");
    Throwable failure = failure(config(nowhere, "0600"));
    assertEquals("ipc.path " + nowhere + ": its directory " + nowhere.getParent()
        + " does not exist", failure.getMessage());
  }

  @Test
  void anHttpPortIsNotLeftOpenByAFailedStart() throws Exception {
    Files.writeString(socket, "in the way");
    Config config = config(socket, "0600");
    failure(config);
    Files.delete(socket);
    // A second start with the same fixed port would fail if the first had kept it.
    Scopegate scopegate = started(config);
    int port = scopegate.httpPort();
    scopegate.stop().await(20, TimeUnit.SECONDS);
    Config fixed = TestConfigs.withServer(config, withPort(config.server(), port));
    Files.writeString(socket, "in the way");
    failure(fixed);
    Files.delete(socket);
    started(fixed).stop().await(20, TimeUnit.SECONDS);
  }

  private static Config.Server withPort(Config.Server s, int port) {
    return new Config.Server(s.host(), port, s.maxBodyBytes(), s.maxBatchSize(), s.filterIdSecret(),
        s.cors(), s.ws());
  }
}
