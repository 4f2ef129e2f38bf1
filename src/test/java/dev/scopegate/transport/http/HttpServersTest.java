package dev.scopegate.transport.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The listener's servers share one port and serve its connections on more than one event loop
 * (one server served every connection on one thread). Each server here answers with the name of
 * the thread that serves it.
 */
class HttpServersTest {
  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  /**
   * A port the system has just handed out and released. Vert.x gives each server asked for port 0
   * a port of its own (measured: a second loop never served), so sharing needs a real port.
   */
  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void connectionsToThePortAreServedOnSeveralEventLoops() throws Exception {
    int port = freePort();
    HttpServers servers = HttpServers.start(vertx, 2, () -> vertx
            .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
            .requestHandler(request -> request.response().end(Thread.currentThread().getName()))
            .listen())
        .await(10, TimeUnit.SECONDS);
    URI uri = URI.create("http://127.0.0.1:" + servers.actualPort() + "/");
    Set<String> loops = new HashSet<>();
    for (int connection = 0; connection < 4; connection++) {
      HttpClient client = HttpClient.newHttpClient(); // a new connection each time
      HttpResponse<String> answer =
          client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, answer.statusCode());
      loops.add(answer.body());
    }
    assertTrue(loops.size() > 1, "served on one event loop only: " + loops);
    assertTrue(loops.stream().allMatch(name -> name.startsWith("vert.x-eventloop-thread")), loops.toString());
    servers.close().await(10, TimeUnit.SECONDS);
    assertTrue(vertx.deploymentIDs().isEmpty(), "closing undeploys the servers");
  }
}
