package dev.scopegate.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A raw TCP client for what well-behaved HTTP clients will not send: partial headers, bodies
 * that never finish, declared lengths that lie, the HTTP/2 preface.
 */
public final class RawHttp implements AutoCloseable {
  private final Socket socket;

  private RawHttp(Socket socket) {
    this.socket = socket;
  }

  public static RawHttp connect(URI url) throws IOException {
    Socket socket = new Socket(url.getHost(), url.getPort());
    socket.setSoTimeout(30_000);
    return new RawHttp(socket);
  }

  public RawHttp send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  public RawHttp send(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
    return this;
  }

  /** Headers of a POST / declaring {@code length} body bytes, and {@code extra} header lines. */
  public static String post(long length, String... extra) {
    StringBuilder b = new StringBuilder("POST / HTTP/1.1\r\nHost: localhost\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n");
    for (String line : extra) {
      b.append(line).append("\r\n");
    }
    return b.append("\r\n").toString();
  }

  /** Everything the server sends until it closes the connection (or 30 s pass). */
  public String readUntilClosed() throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    int n;
    try {
      while ((n = in.read(chunk)) >= 0) {
        out.write(chunk, 0, n);
      }
    } catch (java.net.SocketException reset) {
      // a reset after the answer still ends the exchange
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  /** One HTTP/1.1 answer with a Content-Length body (the connection stays open). */
  public String readAnswer() throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed after " + head);
      }
      head.write(b);
    }
    String headers = head.toString(StandardCharsets.ISO_8859_1);
    int length = 0;
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    return headers + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
