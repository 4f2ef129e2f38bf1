package dev.scopegate.devnode;

import io.vertx.core.http.HttpServerRequest;
import java.util.function.Supplier;

/**
 * The private state identifier a request is served from, as GoQuorum reads it: the {@code
 * Quorum-PSI} header, else the {@code PSI} query parameter (rpc/security.go {@code extractPSI}),
 * "private" when neither names one ({@code types.DefaultPrivateStateIdentifier}). The dev node
 * answers each request synchronously on one thread, so the PSI travels with that thread.
 */
final class Psi {
  static final String DEFAULT = "private";
  private static final ThreadLocal<String> CURRENT = ThreadLocal.withInitial(() -> DEFAULT);

  private Psi() {}

  static String current() {
    return CURRENT.get();
  }

  static String of(HttpServerRequest request) {
    String header = request.getHeader("Quorum-PSI");
    if (header != null && !header.isEmpty()) {
      return header;
    }
    String param = request.getParam("PSI");
    return param == null || param.isEmpty() ? DEFAULT : param;
  }

  static <T> T serving(String psi, Supplier<T> work) {
    String before = CURRENT.get();
    CURRENT.set(psi);
    try {
      return work.get();
    } finally {
      CURRENT.set(before);
    }
  }
}
