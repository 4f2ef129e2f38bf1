package dev.scopegate.upstream.ws;

import dev.scopegate.upstream.HttpUpstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One shared node WebSocket per PSI in use (multiple private states): GoQuorum serves a WebSocket
 * connection from the PSI of its upgrade request (rpc/websocket.go, rpc/security.go
 * {@code extractPSI}), so subscriptions of one PSI can share a socket and never one of another.
 * A PSI's socket is made when a client connection of that PSI first leases it — it connects on
 * first use, and reconnects, dedupes and backfills as the single shared socket does — and is
 * closed once no connection has leased it for {@code idle}.
 */
public final class PsiSockets {
  public static final Duration DEFAULT_IDLE = Duration.ofSeconds(30);

  private final Vertx vertx;
  private final URI base;
  private final Duration timeout;
  private final Duration idle;
  private final Map<String, Entry> entries = new HashMap<>();
  private boolean closed;

  /** A PSI's socket, held by one client connection until {@link #release}. */
  public static final class Lease {
    private final SharedWsUpstream socket;
    private final Runnable release;
    private boolean released;

    private Lease(SharedWsUpstream socket, Runnable release) {
      this.socket = socket;
      this.release = release;
    }

    public SharedWsUpstream socket() {
      return socket;
    }

    /** Once; further calls do nothing. */
    public synchronized void release() {
      if (!released) {
        released = true;
        release.run();
      }
    }
  }

  private static final class Entry {
    final SharedWsUpstream socket;
    int users;
    long timer = -1;

    Entry(SharedWsUpstream socket) {
      this.socket = socket;
    }
  }

  public PsiSockets(Vertx vertx, URI base, Duration timeout) {
    this(vertx, base, timeout, DEFAULT_IDLE);
  }

  public PsiSockets(Vertx vertx, URI base, Duration timeout, Duration idle) {
    this.vertx = vertx;
    this.base = base;
    this.timeout = timeout;
    this.idle = idle;
  }

  /** The socket of {@code psi} (the PSI in both the upgrade's header and its query), leased. */
  public synchronized Lease lease(String psi) {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    Entry entry = entries.computeIfAbsent(psi, p -> new Entry(SharedWsUpstream.create(vertx, withPsi(p),
        Map.of(HttpUpstream.PSI_HEADER, p), timeout, Reconnect.DEFAULT)));
    entry.users++;
    if (entry.timer != -1) {
      vertx.cancelTimer(entry.timer);
      entry.timer = -1;
    }
    return new Lease(entry.socket, () -> release(psi, entry));
  }

  private synchronized void release(String psi, Entry entry) {
    entry.users--;
    if (entry.users == 0 && !closed) {
      entry.timer = vertx.setTimer(Math.max(1, idle.toMillis()), t -> closeIfIdle(psi, entry));
    }
  }

  private synchronized void closeIfIdle(String psi, Entry entry) {
    if (entry.users == 0 && entries.get(psi) == entry) {
      entries.remove(psi);
      entry.socket.close();
    }
  }

  /** How many leases are held now, all PSIs together (for tests). */
  public synchronized int leased() {
    return entries.values().stream().mapToInt(e -> e.users).sum();
  }

  /** How many PSIs have a socket now (for tests). */
  public synchronized int open() {
    return entries.size();
  }

  private URI withPsi(String psi) {
    String raw = base.toString();
    String kept = raw.replaceAll("([?&])PSI=[^&]*&?", "$1").replaceAll("[?&]$", "");
    return URI.create(kept + (kept.contains("?") ? "&" : "?") + HttpUpstream.PSI_PARAM + "="
        + URLEncoder.encode(psi, StandardCharsets.UTF_8));
  }

  public synchronized Future<Void> close() {
    closed = true;
    List<Future<Void>> closing = new ArrayList<>();
    entries.values().forEach(e -> {
      vertx.cancelTimer(e.timer);
      closing.add(e.socket.close());
    });
    entries.clear();
    return Future.join(closing).mapEmpty();
  }
}
