package dev.scopegate.observe;

import dev.scopegate.jsonrpc.RpcError;
import java.util.Locale;

/** A refusal's reason as logs and metrics name it: the error's constant, lower-cased. */
final class Reasons {
  private Reasons() {}

  static String of(RpcError error) {
    return error.name().toLowerCase(Locale.ROOT);
  }
}
