package dev.scopegate.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code private://<self-eoa|0x0>/<read|write|create|_>/contracts?owned.eoa=…&from.tm=…}.
 * Keys arrive URL-encoded; a raw {@code +} would decode to a space and silently name another key,
 * so a scope carrying one is refused whole.
 */
final class PrivateScopeParser {
  private static final Logger LOG = LoggerFactory.getLogger(PrivateScopeParser.class);
  private static final String PREFIX = "private://";
  private static final Pattern ACCOUNT = Pattern.compile("0x0|0x[0-9a-f]{40}");

  private PrivateScopeParser() {}

  static Optional<PrivateGrant> parse(String scope) {
    if (!scope.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return Optional.empty();
    }
    String rest = scope.substring(PREFIX.length());
    int q = rest.indexOf('?');
    if (q < 0 || rest.indexOf('#') >= 0) {
      return refuse("expected <self-eoa>/<action>/contracts?<query> without a fragment");
    }
    String[] path = rest.substring(0, q).split("/", -1);
    if (path.length != 3 || !path[2].equalsIgnoreCase("contracts")) {
      return refuse("path must be <self-eoa>/<action>/contracts");
    }
    Optional<String> self = account(path[0]);
    Optional<PrivateGrant.Action> action = PrivateGrant.Action.of(path[1]);
    if (self.isEmpty() || action.isEmpty()) {
      return refuse("self account must be 0x0 or an address; action read, write, create or _");
    }
    String query = rest.substring(q + 1);
    if (query.indexOf('+') >= 0) {
      return refuse("raw '+' in the query (a key's '+' must be URL-encoded as %2B)");
    }
    List<String> owned = new ArrayList<>();
    Set<String> keys = new LinkedHashSet<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq < 0) {
        return refuse("query parameter without a value");
      }
      Optional<String> value = decode(pair.substring(eq + 1));
      if (value.isEmpty()) {
        return refuse("malformed URL encoding in the query");
      }
      switch (pair.substring(0, eq)) {
        case "owned.eoa" -> owned.add(value.get());
        case "from.tm" -> keys.add(value.get());
        default -> {} // other parameters grant nothing here
      }
    }
    if (owned.size() != 1) {
      return refuse("owned.eoa must appear exactly once");
    }
    Optional<String> ownedEoa = account(owned.get(0));
    if (ownedEoa.isEmpty()) {
      return refuse("owned.eoa must be 0x0 or an address");
    }
    if (keys.isEmpty()) {
      return refuse("from.tm is missing");
    }
    if (!keys.stream().allMatch(PrivateScopeParser::isBase64Key)) {
      return refuse("from.tm is not a standard base64 key");
    }
    return Optional.of(
        new PrivateGrant(self.get(), action.get(), ownedEoa.get(), List.copyOf(keys)));
  }

  private static Optional<String> account(String raw) {
    String lower = raw.toLowerCase(Locale.ROOT);
    return ACCOUNT.matcher(lower).matches() ? Optional.of(lower) : Optional.empty();
  }

  private static Optional<String> decode(String raw) {
    try {
      return Optional.of(URLDecoder.decode(raw, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Canonical standard base64 (padded, no stray bits), as Tessera prints its keys. */
  private static boolean isBase64Key(String key) {
    try {
      byte[] bytes = Base64.getDecoder().decode(key);
      return bytes.length > 0 && Base64.getEncoder().encodeToString(bytes).equals(key);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Optional<PrivateGrant> refuse(String why) {
    LOG.warn("ignoring a private:// scope: {}", why);
    return Optional.empty();
  }
}
