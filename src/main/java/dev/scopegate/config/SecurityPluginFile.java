package dev.scopegate.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the GoQuorum JSON-RPC security plugin's {@code config.json} ({@code --security-config}) as
 * Scopegate keys, so a deployment switches by reusing its file. Values may be {@code env://VAR}
 * (the plugin's EnvironmentAwaredValue) or {@code file:///path} (a path for file fields, the
 * file's content for secrets). Any field Scopegate does not honour stops startup with one line
 * naming every such field: a setting silently dropped could weaken what the operator asked for.
 */
final class SecurityPluginFile {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private enum Kind { TEXT, PATH, SECRET }

  private record Field(Key<?> key, Kind kind, Function<String, String> translate) {
    Field(Key<?> key, Kind kind) {
      this(key, kind, s -> s);
    }
  }

  /** The plugin's fields and the key each sets (see For-Users.md of the security plugin). */
  private static final Map<String, Field> FIELDS = Map.ofEntries(
      Map.entry("tls.certFile", new Field(Keys.SERVER_TLS_CERT_FILE, Kind.PATH)),
      Map.entry("tls.keyFile", new Field(Keys.SERVER_TLS_KEY_FILE, Kind.PATH)),
      Map.entry("tokenValidation.issuers", new Field(Keys.AUTH_JWT_ISSUERS, Kind.TEXT)),
      Map.entry("tokenValidation.cache.limit",
          new Field(Keys.AUTH_INTROSPECTION_CACHE_SIZE, Kind.TEXT)),
      Map.entry("tokenValidation.cache.expirationInSeconds",
          new Field(Keys.AUTH_INTROSPECTION_CACHE_TTL, Kind.TEXT, s -> s + "s")),
      Map.entry("tokenValidation.introspect.endpoint",
          new Field(Keys.AUTH_INTROSPECTION_ENDPOINT, Kind.TEXT)),
      Map.entry("tokenValidation.introspect.authentication.method",
          new Field(Keys.AUTH_INTROSPECTION_CLIENT_AUTH, Kind.TEXT)),
      Map.entry("tokenValidation.introspect.authentication.credentials.clientId",
          new Field(Keys.AUTH_INTROSPECTION_CLIENT_ID, Kind.SECRET)),
      Map.entry("tokenValidation.introspect.authentication.credentials.clientSecret",
          new Field(Keys.AUTH_INTROSPECTION_CLIENT_SECRET, Kind.SECRET)),
      Map.entry("tokenValidation.jws.endpoint", new Field(Keys.AUTH_JWT_JWKS_URL, Kind.TEXT)),
      Map.entry("tokenValidation.jwt.authorizationField",
          new Field(Keys.AUTH_JWT_SCOPE_CLAIM, Kind.TEXT)),
      Map.entry("tokenValidation.jwt.preferIntrospection",
          new Field(Keys.AUTH_JWT_PREFER_INTROSPECTION, Kind.TEXT)));

  /** Fields accepted at exactly this value, which is what Scopegate does anyway. */
  private static final Map<String, String> ACCEPTED_AS = Map.of(
      "tls.auto", "false",
      "tokenValidation.introspect.tlsConnection.insecureSkipVerify", "false",
      "tokenValidation.jws.tlsConnection.insecureSkipVerify", "false");

  private SecurityPluginFile() {}

  static Map<Key<?>, Sourced> read(Path file, Map<String, String> env) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new ConfigException("--security-config " + file, "cannot read it as JSON: "
          + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
              ? j.getOriginalMessage() : e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException("--security-config " + file, "expected a JSON object");
    }
    Map<Key<?>, Sourced> found = new LinkedHashMap<>();
    List<String> unsupported = new ArrayList<>();
    walk(root, "", (path, node) -> {
      String label = "--security-config " + path;
      if (ACCEPTED_AS.containsKey(path)) {
        if (!node.asText().equals(ACCEPTED_AS.get(path))) {
          unsupported.add(path + "=" + node.asText());
        }
        return;
      }
      Field field = FIELDS.get(path);
      if (field == null) {
        unsupported.add(path);
        return;
      }
      found.put(field.key(), new Sourced(label, raw(node, field, env, label)));
    });
    if (!unsupported.isEmpty()) {
      throw new ConfigException("--security-config " + file,
          "not supported by Scopegate: " + String.join(", ", unsupported)
              + " (see docs/identity.md)");
    }
    return found;
  }

  private interface Leaf {
    void accept(String path, JsonNode node);
  }

  private static void walk(JsonNode node, String prefix, Leaf leaf) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        walk(e.getValue(), prefix + e.getKey() + ".", leaf);
      }
      return;
    }
    if (!node.isNull()) {
      leaf.accept(prefix.substring(0, prefix.length() - 1), node);
    }
  }

  private static Raw raw(JsonNode node, Field field, Map<String, String> env, String label) {
    if (node.isArray()) {
      List<Raw> items = new ArrayList<>();
      node.forEach(item -> items.add(new Raw.Text(value(item.asText(), field, env, label))));
      return new Raw.Seq(items);
    }
    if (node.isContainerNode()) {
      throw new ConfigException(label, "expected a value, got an object");
    }
    return new Raw.Text(field.translate().apply(value(node.asText(), field, env, label)));
  }

  private static String value(String text, Field field, Map<String, String> env, String label) {
    if (text.startsWith("env://")) {
      String name = text.substring("env://".length());
      String value = env.get(name);
      if (value == null) {
        throw new ConfigException(label, "names environment variable " + name + ", which is not set");
      }
      return value;
    }
    if (text.startsWith("file://")) {
      Path path = Path.of(text.substring("file://".length()));
      if (field.kind() != Kind.SECRET) {
        return path.toString();
      }
      try {
        return Files.readString(path).strip();
      } catch (IOException e) {
        throw new ConfigException(label, "cannot read " + path + ": " + e.getMessage());
      }
    }
    return text;
  }
}
