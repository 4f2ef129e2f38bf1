package dev.scopegate.transport.http;

import dev.scopegate.config.Config;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.nio.file.Path;

/**
 * The client-facing server's TLS from {@code server.tls}: the PEM certificate chain and key, and
 * the CA whose client certificates make operators (requested, never required, so token holders
 * need none). The files' contents are read here rather than their paths handed to Vert.x, so
 * options built after a change differ from the ones in force and a reload takes effect.
 */
final class ServerTls {
  private ServerTls() {}

  static Future<ServerSSLOptions> read(Vertx vertx, Config.Tls tls) {
    Future<Buffer> cert = read(vertx, tls.certFile().orElseThrow());
    Future<Buffer> key = read(vertx, tls.keyFile().orElseThrow());
    Future<Buffer> ca = tls.clientCaFile().map(path -> read(vertx, path))
        .orElse(Future.succeededFuture(null));
    return Future.all(cert, key, ca).map(read -> {
      ServerSSLOptions options = new ServerSSLOptions()
          .setKeyCertOptions(new PemKeyCertOptions()
              .setCertValue(cert.result()).setKeyValue(key.result()));
      if (ca.result() != null) {
        options.setTrustOptions(new PemTrustOptions().addCertValue(ca.result()))
            .setClientAuth(ClientAuth.REQUEST);
      }
      return options;
    });
  }

  private static Future<Buffer> read(Vertx vertx, Path file) {
    return vertx.fileSystem().readFile(file.toString());
  }
}
