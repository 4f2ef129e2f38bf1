package dev.scopegate.config;

import java.util.List;
import java.util.Map;

/**
 * Codefi Orchestrate's variables set the matching keys, so an Orchestrate deployment's
 * environment works unchanged: {@code AUTH_JWT_ISSUER_URL}, {@code AUTH_JWT_AUDIENCE} and {@code
 * AUTH_JWT_CLAIMS_NAMESPACE}. As with {@code AUTH_API_KEY}, a value that differs from one set by
 * the file or a {@code SCOPEGATE_*} variable is refused rather than one silently preferred.
 */
final class OrchestrateVariables {
  private record Alias(String name, Key<?> key) {}

  private static final List<Alias> ALIASES = List.of(
      new Alias("AUTH_JWT_ISSUER_URL", Keys.AUTH_JWT_ISSUER_URL),
      new Alias("AUTH_JWT_AUDIENCE", Keys.AUTH_JWT_AUDIENCES),
      new Alias("AUTH_JWT_CLAIMS_NAMESPACE", Keys.AUTH_JWT_CLAIMS_NAMESPACE));

  private OrchestrateVariables() {}

  static Settings apply(Settings settings, Map<String, String> env) {
    Settings result = settings;
    for (Alias alias : ALIASES) {
      result = apply(result, alias.name(), alias.key(), env.getOrDefault(alias.name(), ""));
    }
    return result;
  }

  private static <T> Settings apply(Settings settings, String name, Key<T> key, String text) {
    if (text.isBlank()) {
      return settings;
    }
    T fromVariable;
    try {
      fromVariable = key.type().parse(key.type().fromText(text));
    } catch (InvalidValue e) {
      throw new ConfigException(name, e.getMessage());
    }
    T configured = settings.get(key);
    if (isUnset(configured)) {
      return settings.with(key, fromVariable, name);
    }
    if (!configured.equals(fromVariable)) {
      throw new ConfigException(name, "differs from the value set by " + settings.label(key)
          + "; set only one of them, or the same value in both");
    }
    return settings;
  }

  private static boolean isUnset(Object value) {
    return value instanceof java.util.Optional<?> o ? o.isEmpty()
        : value instanceof String s ? s.isEmpty()
        : value instanceof List<?> l && l.isEmpty();
  }
}
