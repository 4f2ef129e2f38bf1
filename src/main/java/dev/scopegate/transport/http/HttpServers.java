package dev.scopegate.transport.http;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The listener as several Vert.x servers on one port, each on an event loop of its own. Vert.x
 * serves a server's connections on the one event loop the server was created on, so a single
 * server uses one core whatever the machine has; servers sharing a port get the accepted
 * connections in turn (Vert.x binds the socket once).
 *
 * <p>Port 0 shares too: Vert.x gives every server asked for port 0 a port of its own, but servers
 * asked for the same negative port share one random port. Each listener asks for a negative port
 * of its own, so two listeners in one Vert.x instance (tests run many) never share.
 */
public final class HttpServers {
  private static final AtomicInteger RANDOM_PORTS = new AtomicInteger();

  private final Vertx vertx;
  private final String deployment;
  private final List<HttpServer> servers;

  private HttpServers(Vertx vertx, String deployment, List<HttpServer> servers) {
    this.vertx = vertx;
    this.deployment = deployment;
    this.servers = List.copyOf(servers);
  }

  /**
   * {@code instances} servers on {@code port} (0: one random port for all), each made by
   * {@code listen} (given the port to bind) on an event loop of its own.
   */
  static Future<HttpServers> start(
      Vertx vertx, int instances, int port, IntFunction<Future<HttpServer>> listen) {
    int bind = port == 0 ? sharedRandomPort() : port;
    List<HttpServer> started = new CopyOnWriteArrayList<>();
    return vertx
        .deployVerticle(() -> new VerticleBase() {
          @Override
          public Future<?> start() {
            return listen.apply(bind).onSuccess(started::add);
          }
        }, new DeploymentOptions().setInstances(Math.max(1, instances)))
        .map(id -> new HttpServers(vertx, id, started));
  }

  /** Negative: Vert.x's "share one random port" among the servers asking for this value. */
  private static int sharedRandomPort() {
    return -1 - Math.floorMod(RANDOM_PORTS.getAndIncrement(), 65_535);
  }

  /** The port bound (with port 0, the one the servers share). */
  public int actualPort() {
    return servers.get(0).actualPort();
  }

  /** How many servers (event loops) serve the port. */
  public int size() {
    return servers.size();
  }

  /**
   * A server of the listener, for what acts on the socket they share: a TLS update given to any
   * one of them is made on the one that bound the socket, whose certificates all of them use.
   */
  public HttpServer any() {
    return servers.get(0);
  }

  /** Stops accepting; calls in flight get up to {@code timeout}. */
  public Future<Void> shutdown(long timeout, TimeUnit unit) {
    return Future.join(servers.stream().map(s -> s.shutdown(timeout, unit)).toList()).mapEmpty();
  }

  /** Closes every server (undeploying closes what each created). */
  public Future<Void> close() {
    return vertx.undeploy(deployment).recover(alreadyGone -> Future.succeededFuture());
  }
}
