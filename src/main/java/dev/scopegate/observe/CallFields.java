package dev.scopegate.observe;

import dev.scopegate.auth.Principal;
import dev.scopegate.jsonrpc.RpcCall;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.jsonrpc.RpcResponse;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The fields a log line may carry about a call, and nothing else: never a token, an API key, a
 * parameter, a result or a node's error message (a revert reason can be private). Text from the
 * client (a method name) is written only when it is a plain identifier, so no line can be forged
 * or made to carry what the client put there.
 */
final class CallFields {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.@]{1,64}");
  private static final Pattern SAFE = Pattern.compile("[\\x21-\\x7e]{1,128}");

  private CallFields() {}

  static String principal(Principal principal) {
    return principal.kind().name().toLowerCase(Locale.ROOT);
  }

  /** The tenant id, else the token's subject; for an operator, how it came in (ipc, api-key). */
  static String who(Principal principal) {
    String who = principal.isOperator() ? principal.subject() : principal.tenantId().orElse(principal.subject());
    return SAFE.matcher(who).matches() ? who : "(unprintable)";
  }

  /** The private state the call was routed to (multiple private states), when it was. */
  static java.util.Optional<String> psi(Principal principal) {
    return principal.psi().map(psi -> SAFE.matcher(psi).matches() ? psi : "(unprintable)");
  }

  /** {@code pairs} with {@code psi=…} after the tenant, when the call was routed to a PSI. */
  static String[] withPsi(Principal principal, String... keyValues) {
    java.util.Optional<String> psi = psi(principal);
    if (psi.isEmpty()) {
      return keyValues;
    }
    java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(keyValues));
    int at = all.size();
    for (int key = 0; key < all.size(); key += 2) {
      if (all.get(key).equals("tenant")) {
        at = key + 2;
        break;
      }
    }
    all.addAll(at, java.util.List.of("psi", psi.get()));
    return all.toArray(String[]::new);
  }

  static String method(RpcCall call, Predicate<String> known) {
    if (!(call instanceof RpcRequest request)) {
      return "(invalid)";
    }
    String method = request.method();
    return known.test(method) || IDENTIFIER.matcher(method).matches() ? method : "(unprintable)";
  }

  /** {@code ok}, {@code notification}, or the error's code: the code only, never its message. */
  static String outcome(RpcResponse answer) {
    if (answer == null) {
      return "notification";
    }
    if (!answer.isError()) {
      return "ok";
    }
    var code = answer.error().path("code");
    return "error " + (code.canConvertToInt() ? Integer.toString(code.intValue()) : "?");
  }

  static String millis(long nanos) {
    return nanos < 0 ? "-" : String.format(Locale.ROOT, "%.1f", nanos / 1e6);
  }

  /** Adds each pair as a structured field (JSON output) and returns the text form. */
  static String pairs(LoggingEventBuilder event, String... keyValues) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < keyValues.length; i += 2) {
      event.addKeyValue(keyValues[i], keyValues[i + 1]);
      text.append(i == 0 ? "" : " ").append(keyValues[i]).append('=').append(keyValues[i + 1]);
    }
    return text.toString();
  }
}
