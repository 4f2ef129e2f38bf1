package dev.scopegate.transport.http;

import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * gzip for an answer's body, as the node's own HTTP server offers it (go-ethereum rpc/http.go,
 * {@code newGzipHandler}: gzip when the request's Accept-Encoding names it). Only answers of at
 * least {@link #MIN_BYTES}: below that gzip's header and trailer make a JSON body barely smaller.
 *
 * <p>Done per answer rather than by Vert.x's server-wide compression support, which puts Netty's
 * HttpContentCompressor (and a ChunkedWriteHandler) on every connection's pipeline: every call paid
 * for it, gzip asked for or not, 4-5 µs of CPU per call on the Vert.x bare proxy of bench/run.sh
 * (23 against 27-28 µs, three runs each, 2026-12-07).
 */
final class GzipReply {
  /** Bodies shorter than this are sent as they are. */
  static final int MIN_BYTES = 1024;

  private GzipReply() {}

  /**
   * Whether an Accept-Encoding value lets gzip be sent (RFC 9110 §12.5.3): {@code gzip} or
   * {@code x-gzip} with a non-zero weight, or {@code *} with one when gzip is not named. A weight
   * that does not parse counts as zero: anything unclear is answered uncompressed.
   */
  static boolean accepted(String acceptEncoding) {
    if (acceptEncoding == null || acceptEncoding.isEmpty()) {
      return false;
    }
    Boolean named = null;
    boolean any = false;
    for (String element : acceptEncoding.split(",")) {
      int semicolon = element.indexOf(';');
      String coding = (semicolon < 0 ? element : element.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
      boolean wanted = semicolon < 0 || positiveWeight(element.substring(semicolon + 1));
      if (coding.equals("gzip") || coding.equals("x-gzip")) {
        named = (named != null && named) || wanted;
      } else if (coding.equals("*")) {
        any = wanted;
      }
    }
    return named != null ? named : any;
  }

  private static boolean positiveWeight(String parameters) {
    for (String parameter : parameters.split(";")) {
      String p = parameter.trim();
      if (p.equalsIgnoreCase("q")) {
        return false; // a weight with no value
      }
      if (p.length() >= 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
        try {
          double q = Double.parseDouble(p.substring(2).trim());
          return q > 0 && q <= 1;
        } catch (NumberFormatException e) {
          return false;
        }
      }
    }
    return true; // no weight given: 1
  }

  /**
   * The body, gzipped at the fastest level: it runs on the event loop, and a JSON-RPC answer
   * (hex strings, repeated keys) shrinks nearly as much at level 1 as at the default 6. The bench's
   * 1 000 logs (405 KB): 15.0 % of their size in 1.6 ms at level 1, 13.2 % in 4.5 ms at level 6.
   */
  static Buffer gzip(Buffer body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length() / 4));
    try (GZIPOutputStream gzip = new FastGzip(out)) {
      gzip.write(body.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("gzip into memory cannot fail", e);
    }
    return Buffer.buffer(out.toByteArray());
  }

  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(ByteArrayOutputStream out) throws IOException {
      super(out, 8192);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
