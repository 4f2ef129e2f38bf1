package dev.scopegate.transport.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.testing.RawHttp;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.TestConfigs;
import dev.scopegate.testing.Wire;
import dev.scopegate.testing.WsClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * WebSocket compression is never negotiated: ethers' and web3.js's client (npm {@code ws}) offer
 * {@code permessage-deflate} by default, and accepting it would give every connection a zlib
 * context and every notification a compression of its own, and let a client's few compressed
 * bytes inflate to far more than {@code server.ws.maxMessageBytes} before it is checked.
 */
@ExtendWith(VertxExtension.class)
class WsCompressionTest {
  private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

  private Stack stack;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    DevNode node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    stack = Stack.start(vertx, node, c -> c);
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
  }

  private RawHttp upgradeOfferingDeflate(String[] handshake) throws Exception {
    RawHttp raw = RawHttp.connect(stack.proxy().url());
    raw.send("GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: " + KEY + "\r\nSec-WebSocket-Version: 13\r\n"
        + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits, x-webkit-deflate-frame\r\n"
        + "X-API-Key: " + TestConfigs.API_KEY + "\r\n\r\n");
    handshake[0] = raw.readAnswer();
    return raw;
  }

  @Test
  void anOfferOfDeflateIsAnsweredWithoutIt() throws Exception {
    String[] handshake = new String[1];
    try (RawHttp raw = upgradeOfferingDeflate(handshake)) {
      assertTrue(handshake[0].startsWith("HTTP/1.1 101"), handshake[0]);
      assertFalse(handshake[0].toLowerCase(Locale.ROOT).contains("sec-websocket-extensions"),
          "no extension agreed: " + handshake[0]);
    }
  }

  @Test
  void aCompressedFrameIsAProtocolErrorAndNotInflated() throws Exception {
    String[] handshake = new String[1];
    try (RawHttp raw = upgradeOfferingDeflate(handshake)) {
      assertTrue(handshake[0].startsWith("HTTP/1.1 101"), handshake[0]);
      // 64 MiB of one byte deflates to about 64 KiB: sent as a frame with RSV1 ("compressed") set
      byte[] bomb = deflate(64 << 20);
      raw.send(maskedFrame(0xC1, bomb));
      String rest = raw.readUntilClosed();
      assertTrue(rest.length() < 1024, "closed without an answer: " + rest.length() + " bytes");
    }
    WsClient client = WsClient.connect(stack.proxy().url(), "X-API-Key", TestConfigs.API_KEY);
    assertEquals("0x539", client.call(Wire.call(1, "eth_chainId", "[]")).get("result").asText(),
        "the server serves the next connection");
    client.close();
  }

  private static byte[] deflate(int size) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    byte[] zeros = new byte[1 << 20];
    Arrays.fill(zeros, (byte) '0');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[1 << 16];
    for (int fed = 0; fed < size; fed += zeros.length) {
      deflater.setInput(zeros);
      while (!deflater.needsInput()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
    }
    deflater.finish();
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  /** A client frame (RFC 6455 §5.2): first byte as given, masked payload. */
  private static byte[] maskedFrame(int first, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(first);
    if (payload.length < 126) {
      out.write(0x80 | payload.length);
    } else if (payload.length < 65_536) {
      out.write(0x80 | 126);
      out.write(payload.length >>> 8);
      out.write(payload.length & 0xff);
    } else {
      out.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) (((long) payload.length >>> shift) & 0xff));
      }
    }
    byte[] mask = {0x11, 0x22, 0x33, 0x44};
    out.write(mask, 0, 4);
    for (int i = 0; i < payload.length; i++) {
      out.write(payload[i] ^ mask[i & 3]);
    }
    return out.toByteArray();
  }
}
