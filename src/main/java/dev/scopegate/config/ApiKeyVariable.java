package dev.scopegate.config;

import java.util.Map;

/**
 * {@code AUTH_API_KEY}, the name Codefi Orchestrate uses, also sets {@code auth.apiKey}. Two
 * different keys are refused rather than one silently preferred. No message shows a key.
 */
final class ApiKeyVariable {
  static final String NAME = "AUTH_API_KEY";

  private ApiKeyVariable() {}

  static Settings apply(Settings settings, Map<String, String> env) {
    String fromVariable = env.getOrDefault(NAME, "");
    if (fromVariable.isEmpty()) {
      return settings;
    }
    String configured = settings.get(Keys.AUTH_API_KEY);
    if (configured.isEmpty()) {
      return settings.with(Keys.AUTH_API_KEY, fromVariable, NAME);
    }
    if (!configured.equals(fromVariable)) {
      throw new ConfigException(NAME, "differs from the key set by "
          + settings.label(Keys.AUTH_API_KEY) + "; set only one of them, or the same key in both");
    }
    return settings;
  }
}
