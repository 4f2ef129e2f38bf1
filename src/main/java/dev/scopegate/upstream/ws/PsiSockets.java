package dev.scopegate.upstream.ws;

import dev.scopegate.upstream.HttpUpstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared node WebSocket per PSI in use (multiple private states): GoQuorum serves a WebSocket
 * connection from the PSI of its upgrade request (rpc/websocket.go, rpc/security.go
 * {@code extractPSI}), so subscriptions of one PSI can share a socket and never one of another.
 * Each is made on first use — it connects then, and reconnects, dedupes and backfills as the
 * single shared socket does — and lives until Scopegate stops.
 */
public final class PsiSockets {
  private final Vertx vertx;
  private final URI base;
  private final Duration timeout;
  private final Map<String, SharedWsUpstream> sockets = new ConcurrentHashMap<>();

  public PsiSockets(Vertx vertx, URI base, Duration timeout) {
    this.vertx = vertx;
    this.base = base;
    this.timeout = timeout;
  }

  /** The socket of {@code psi}: the PSI in both the upgrade's header and its query. */
  public SharedWsUpstream at(String psi) {
    return sockets.computeIfAbsent(psi, p -> SharedWsUpstream.create(vertx, withPsi(p),
        Map.of(HttpUpstream.PSI_HEADER, p), timeout, Reconnect.DEFAULT));
  }

  /** How many PSIs have a socket (for metrics and tests). */
  public int open() {
    return sockets.size();
  }

  private URI withPsi(String psi) {
    String raw = base.toString();
    String kept = raw.replaceAll("([?&])PSI=[^&]*&?", "$1").replaceAll("[?&]$", "");
    return URI.create(kept + (kept.contains("?") ? "&" : "?") + HttpUpstream.PSI_PARAM + "="
        + URLEncoder.encode(psi, StandardCharsets.UTF_8));
  }

  public Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    sockets.values().forEach(s -> closing.add(s.close()));
    sockets.clear();
    return Future.join(closing).mapEmpty();
  }
}
