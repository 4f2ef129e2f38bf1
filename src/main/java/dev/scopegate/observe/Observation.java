package dev.scopegate.observe;

import dev.scopegate.config.Config;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.pipeline.CallObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Everything that watches one transport's calls: metrics, the audit log, the access log. */
public final class Observation {
  private Observation() {}

  public static CallObserver calls(
      Metrics metrics, String transport, Predicate<String> knownMethod, Config.Log log) {
    List<CallObserver> observers = new ArrayList<>();
    observers.add(metrics.calls(transport, knownMethod));
    observers.add(new AuditLog(transport, knownMethod));
    if (log.access()) {
      observers.add(new AccessLog(transport, knownMethod));
    }
    return CallObserver.all(observers);
  }

  /** Credentials a transport refused: counted and audited. */
  public static Consumer<RpcError> credentials(Metrics metrics, String transport) {
    return metrics.authRefusals(transport).andThen(AuditLog.credentials(transport));
  }
}
