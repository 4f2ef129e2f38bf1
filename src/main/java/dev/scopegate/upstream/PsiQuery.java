package dev.scopegate.upstream;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The node URL's query without any {@code PSI} parameter, or with exactly one: Go's {@code
 * url.Query().Get} reads the first, so a stale one left in {@code upstream.http} must not precede
 * ours.
 */
final class PsiQuery {
  private PsiQuery() {}

  static String without(URI url) {
    String raw = url.toString();
    int q = raw.indexOf('?');
    if (q < 0) {
      return raw;
    }
    List<String> kept = new ArrayList<>();
    for (String pair : raw.substring(q + 1).split("&")) {
      String name = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
      if (!pair.isEmpty() && !name.equals(HttpUpstream.PSI_PARAM)) {
        kept.add(pair);
      }
    }
    return raw.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
  }

  static String with(String base, String name, String value) {
    return base + (base.contains("?") ? "&" : "?") + name + "="
        + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
