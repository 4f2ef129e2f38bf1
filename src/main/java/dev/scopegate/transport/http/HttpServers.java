package dev.scopegate.transport.http;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The listener as several Vert.x servers on one port, each on an event loop of its own: Vert.x
 * serves a server's connections on the one event loop it was created on, so a single server
 * uses one core whatever the machine has (measured: one core saturated, the others idle, with
 * wrk at 64 connections). Vert.x spreads accepted connections over servers sharing a port.
 */
public final class HttpServers {
  private final Vertx vertx;
  private final String deployment;
  private final List<HttpServer> servers;

  private HttpServers(Vertx vertx, String deployment, List<HttpServer> servers) {
    this.vertx = vertx;
    this.deployment = deployment;
    this.servers = List.copyOf(servers);
  }

  /** {@code instances} servers, each made by {@code listen} on its own event loop. */
  static Future<HttpServers> start(Vertx vertx, int instances, Supplier<Future<HttpServer>> listen) {
    List<HttpServer> started = new CopyOnWriteArrayList<>();
    return vertx.deployVerticle(() -> new VerticleBase() {
          @Override
          public Future<?> start() {
            return listen.get().onSuccess(started::add);
          }
        }, new DeploymentOptions().setInstances(instances))
        .map(id -> new HttpServers(vertx, id, started));
  }

  /** The port bound (with port 0, the one the servers share). */
  public int actualPort() {
    return servers.get(0).actualPort();
  }

  /** The first server, for what must act on exactly one (TLS runs a single instance). */
  public HttpServer first() {
    return servers.get(0);
  }

  /** Stops accepting; calls in flight get up to {@code timeout}. */
  public Future<Void> shutdown(long timeout, TimeUnit unit) {
    return Future.all(servers.stream().map(s -> s.shutdown(timeout, unit)).toList()).mapEmpty();
  }

  /** Closes every server (undeploying closes what each created). */
  public Future<Void> close() {
    return vertx.undeploy(deployment).recover(alreadyGone -> Future.succeededFuture());
  }
}
