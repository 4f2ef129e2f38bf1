package dev.scopegate.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The key set that the discovery document names. */
final class DiscoveredJwks implements KeySetFetcher {
  private final Vertx vertx;
  private final OidcDiscovery discovery;
  private final AtomicReference<JwksFetcher> fetcher = new AtomicReference<>();

  DiscoveredJwks(Vertx vertx, OidcDiscovery discovery) {
    this.vertx = vertx;
    this.discovery = discovery;
  }

  @Override
  public Future<List<VerificationKey>> fetch() {
    return discovery.document().compose(doc -> fetcherFor(doc.jwksUri()).fetch());
  }

  @Override
  public String describe() {
    return "issuer " + discovery.issuer();
  }

  @Override
  public void close() {
    JwksFetcher current = fetcher.getAndSet(null);
    if (current != null) {
      current.close();
    }
    discovery.close();
  }

  private JwksFetcher fetcherFor(URI jwks) {
    JwksFetcher current = fetcher.get();
    if (current != null && current.url().equals(jwks)) {
      return current;
    }
    JwksFetcher next = new JwksFetcher(vertx, jwks);
    if (current != null) {
      current.close();
    }
    fetcher.set(next);
    return next;
  }
}
