package dev.scopegate.observe;

import dev.scopegate.privacy.IndexStatus;
import dev.scopegate.privacy.PrivacyService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of {@code /ready} for a server: the node answers ({@code eth_blockNumber}); where a
 * privacy manager is configured (tenants' private calls need it), it answers its
 * {@code /upcheck}, and the privacy index is open and at most {@code maxLag} blocks behind the
 * node's head. Without them a tenant's private call would only get a retriable error.
 */
public final class ReadinessChecks {
  private ReadinessChecks() {}

  public static Readiness of(Vertx vertx, PrivacyService privacy, long maxLag, Duration timeout) {
    List<Readiness.Check> checks = new ArrayList<>();
    checks.add(new Readiness.Check("node",
        () -> privacy.node().call("eth_blockNumber").map(head -> "ok, head " + head.asText())));
    privacy.tessera().ifPresent(tessera -> {
      checks.add(new Readiness.Check("privacyManager", () -> tessera.upcheck().map("ok")));
      checks.add(new Readiness.Check("privacyIndex", () -> index(privacy, maxLag)));
    });
    return new Readiness(vertx, checks, timeout);
  }

  private static Future<String> index(PrivacyService privacy, long maxLag) {
    return privacy.index()
        .map(index -> {
          IndexStatus status = index.status();
          if (!status.running()) {
            return Future.<String>failedFuture("the privacy index has stopped");
          }
          if (status.indexedBlock() < 0 || status.lag() > maxLag) {
            return Future.<String>failedFuture("the privacy index is at block " + status.indexedBlock()
                + ", the node at " + status.nodeHead() + " (more than " + maxLag + " behind)");
          }
          return Future.succeededFuture("ok, at block " + status.indexedBlock() + ", lag " + status.lag());
        })
        .orElseGet(() -> Future.failedFuture("the privacy index is not open yet (node or Tessera not answered)"));
  }
}
