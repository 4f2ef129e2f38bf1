package dev.scopegate.auth;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scopegate.limits.LimitOverrides;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the tenant registry file:
 *
 * <pre>
 * tenants:
 *   acme:
 *     scopes: ["rpc://eth_*", "private://0x0/_/contracts?owned.eoa=0x0&amp;from.tm=..."]
 *     limits: { requestsPerSecond: 50, concurrent: 8 }   # optional
 * </pre>
 *
 * Scopes may also be one space-separated string. Anything else is refused with a message naming
 * where, so a typo never silently drops a tenant's grants.
 */
final class TenantFile {
  private static final ObjectMapper YAML = new ObjectMapper(
      new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

  private TenantFile() {}

  /** The tenants' grants and the limits of those that have their own. */
  record Registered(Map<String, Scopes> scopes, Map<String, LimitOverrides> limits) {}

  static Map<String, Scopes> parse(byte[] bytes) {
    return read(bytes).scopes();
  }

  static Registered read(byte[] bytes) {
    JsonNode root;
    try {
      root = YAML.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalArgumentException("not YAML: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
    }
    if (root == null || !root.isObject() || root.size() != 1 || !root.path("tenants").isObject()) {
      throw new IllegalArgumentException("expected one mapping `tenants:` of tenant ids");
    }
    Map<String, Scopes> tenants = new LinkedHashMap<>();
    Map<String, LimitOverrides> limits = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> entries = root.get("tenants").fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      String id = entry.getKey();
      if (id.isBlank() || id.equals("*")) {
        // `*` means "every tenant" to some tools; here it would be a tenant anyone could name
        throw new IllegalArgumentException("tenant id '" + id + "' is not allowed");
      }
      tenants.put(id, Scopes.parse(scopes(id, entry.getValue())));
      if (entry.getValue().has("limits")) {
        limits.put(id, LimitOverrides.parse(entry.getValue().get("limits"), "tenant " + id + ": limits"));
      }
    }
    return new Registered(tenants, limits);
  }

  private static List<String> scopes(String id, JsonNode tenant) {
    if (!tenant.isObject() || !tenant.has("scopes") || tenant.size() != (tenant.has("limits") ? 2 : 1)) {
      throw new IllegalArgumentException("tenant " + id + ": expected `scopes:` and optionally `limits:`");
    }
    JsonNode scopes = tenant.get("scopes");
    List<String> out = new ArrayList<>();
    if (scopes.isTextual()) {
      for (String word : scopes.textValue().trim().split("\\s+")) {
        if (!word.isEmpty()) {
          out.add(word);
        }
      }
      return out;
    }
    if (!scopes.isArray()) {
      throw new IllegalArgumentException("tenant " + id + ": scopes must be a list of strings");
    }
    for (JsonNode scope : scopes) {
      if (!scope.isTextual()) {
        throw new IllegalArgumentException("tenant " + id + ": scopes must be a list of strings");
      }
      out.add(scope.textValue().strip());
    }
    return out;
  }
}
