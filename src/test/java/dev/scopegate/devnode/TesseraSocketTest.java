package dev.scopegate.devnode;

import static dev.scopegate.devnode.Await.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tessera over a Unix domain socket, as GoQuorum's {@code tm.ipc}, with a raw HTTP/1.1 client. */
class TesseraSocketTest extends DevNodeTestBase {
  @TempDir Path dir;

  @Override
  DevNodeOptions options() {
    return DevNodeOptions.defaults().withTesseraSocket(dir.resolve("tm.ipc"));
  }

  @Test
  void theSocketServesTheSameApi() throws IOException {
    assertTrue(httpOverSocket("/upcheck", "text/plain").endsWith("I'm up!"));

    String hash = createPrivately("0x0b", "privateFor", List.of(KB));
    String input = client.result("eth_getTransactionByHash", hash).get("input").asText();
    String answer = httpOverSocket(DevTesseraClient.transactionPath(input), DevTesseraClient.MEDIA_2_1);
    assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
    String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
    assertEquals(KA, RpcClient.parse(body).get("senderKey").asText());
  }

  @Test
  void closingTheNodeRemovesTheSocketFile() {
    assertTrue(Files.exists(dir.resolve("tm.ipc")));
    await(node.tessera().stopListening());
    assertFalse(Files.exists(dir.resolve("tm.ipc")));
    await(node.tessera().startListening());
    assertTrue(Files.exists(dir.resolve("tm.ipc")));
  }

  private String httpOverSocket(String path, String accept) throws IOException {
    try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      channel.connect(UnixDomainSocketAddress.of(dir.resolve("tm.ipc")));
      String request =
          "GET "
              + path
              + " HTTP/1.1\r\nHost: localhost\r\nAccept: "
              + accept
              + "\r\nConnection: close\r\n\r\n";
      channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteBuffer buffer = ByteBuffer.allocate(4096);
      while (channel.read(buffer) >= 0) {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
