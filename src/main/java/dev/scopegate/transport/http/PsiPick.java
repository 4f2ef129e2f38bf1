package dev.scopegate.transport.http;

import dev.scopegate.upstream.HttpUpstream;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/**
 * The PSI a client picked, read as GoQuorum reads it (rpc/security.go {@code extractPSI}): the
 * {@code Quorum-PSI} header, else the {@code PSI} query parameter; the first value of each, as Go's
 * {@code Header.Get} and {@code Query().Get} return it.
 */
public final class PsiPick {
  private PsiPick() {}

  public static Optional<String> of(HttpServerRequest request) {
    String header = request.headers().get(HttpUpstream.PSI_HEADER);
    if (header != null && !header.isEmpty()) {
      return Optional.of(header);
    }
    return Optional.ofNullable(request.params().get(HttpUpstream.PSI_PARAM)).filter(p -> !p.isEmpty());
  }
}
