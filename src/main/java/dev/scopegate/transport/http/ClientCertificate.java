package dev.scopegate.transport.http;

import io.vertx.core.http.HttpServerRequest;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Whether the request came over a TLS connection whose client presented a certificate. The
 * handshake already checked it against {@code server.tls.clientCaFile} (a certificate it does not
 * sign fails the handshake), and without that file none is asked for.
 */
public final class ClientCertificate {
  private ClientCertificate() {}

  public static boolean verified(HttpServerRequest request) {
    if (!request.isSSL()) {
      return false;
    }
    try {
      return !request.connection().peerCertificates().isEmpty();
    } catch (SSLPeerUnverifiedException none) {
      return false;
    }
  }
}
