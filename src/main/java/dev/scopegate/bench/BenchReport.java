package dev.scopegate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders bench/run.sh's measurements (a TSV of group, row, label and {@code key=value} figures)
 * as a Markdown table and a JSON document, with the ratios to the floor and to nginx and the
 * issue's targets beside what this run measured (no verdict: one run on one machine is not one).
 *
 * <p>Usage: {@code BenchReport RESULTS.tsv OUT_PREFIX key=value...} (the run's metadata).
 */
public final class BenchReport {
  record Row(String group, String row, String label, Map<String, String> figures) {
    Optional<Double> number(String key) {
      try {
        return Optional.ofNullable(figures.get(key)).map(Double::parseDouble);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    String get(String key) {
      return figures.getOrDefault(key, "-");
    }
  }

  private final List<Row> rows;

  private BenchReport(List<Row> rows) {
    this.rows = rows;
  }

  public static void main(String[] args) throws Exception {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      String[] cells = line.split("\t", 4);
      Map<String, String> figures = new LinkedHashMap<>();
      for (String kv : cells[3].trim().split(" +")) {
        int eq = kv.indexOf('=');
        if (eq > 0) {
          figures.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
      }
      rows.add(new Row(cells[0], cells[1], cells[2], figures));
    }
    Map<String, String> meta = new LinkedHashMap<>();
    for (int i = 2; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      meta.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    BenchReport report = new BenchReport(rows);
    String markdown = report.markdown(meta);
    Files.writeString(Path.of(args[1] + ".md"), markdown);
    Files.writeString(Path.of(args[1] + ".json"), report.json(meta));
    System.out.print(markdown);
  }

  private Optional<Row> find(String group, String row) {
    return rows.stream().filter(r -> r.group().equals(group) && r.row().equals(row)).findFirst();
  }

  private List<Row> group(String group) {
    return rows.stream().filter(r -> r.group().equals(group)).toList();
  }

  /** {@code row}'s figure divided by the same figure of {@code other} in the same group. */
  private String ratio(Row row, String other, String key) {
    return find(row.group(), other)
        .flatMap(o -> o.number(key).flatMap(b -> row.number(key).filter(a -> b > 0).map(a -> a / b)))
        .map(r -> String.format("%.2f", r))
        .orElse("-");
  }

  /** The median of a comma-separated list of numbers ("-" when there is none). */
  static String median(String list) {
    try {
      double[] values = java.util.Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).sorted().toArray();
      int n = values.length;
      return String.format("%.2f", n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2);
    } catch (NumberFormatException e) {
      return "-";
    }
  }

  private String difference(Row row, String other, String key) {
    return find(row.group(), other)
        .flatMap(o -> o.number(key).flatMap(b -> row.number(key).map(a -> a - b)))
        .map(d -> String.format("%+.3f", d))
        .orElse("-");
  }

  private String markdown(Map<String, String> meta) {
    StringBuilder md = new StringBuilder();
    md.append("# Scopegate benchmark, ").append(meta.get("started")).append(" (").append(meta.get("mode")).append(" mode)\n\n");
    md.append("Machine: ").append(meta.get("machine")).append(". Commit ").append(meta.get("commit"))
        .append(". The run took ").append(meta.get("seconds")).append(" s.\n\n");
    md.append("## Saturation: wrk, 64 connections, keep-alive\n\n");
    md.append("| row | req/s | × floor | × nginx | p50 ms | p99 ms | CPU µs/req | upstream/req | RSS under load MiB |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String g : List.of("fixed", "batch", "read", "logs")) {
      for (Row r : group(g)) {
        if (r.figures().containsKey("todo")) {
          md.append("| ").append(r.label()).append(" | TODO: ").append(r.get("todo").replace('_', ' '))
              .append(" | | | | | | | |\n");
          continue;
        }
        md.append("| ").append(r.label()).append(" | ").append(r.get("rps").replaceAll("\\..*", ""))
            .append(" | ").append(ratio(r, "floor", "rps")).append(" | ").append(ratio(r, "nginx", "rps"))
            .append(" | ").append(r.get("p50_ms")).append(" | ").append(r.get("p99_ms"))
            .append(" | ").append(r.get("cpu_us_per_req")).append(" | ").append(r.get("upstream_per_req"))
            .append(" | ").append(r.get("rss_load_mib")).append(" |\n");
      }
    }
    md.append("\nupstream/req: HTTP requests reaching the nginx upstream per client request (its access log),"
        + " or JSON-RPC calls reaching the dev node per client request (its own counter; the index's"
        + " polling counts too). CPU: user+system time of the process(es) under test per request.\n\n");
    md.append("## Latency at a fixed 1 000 req/s (open loop, from when each call was due)\n\n");
    md.append("| row | req/s | p50 ms | p99 ms | max ms | added p50 ms | added p99 ms |\n|---|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : group("paced")) {
      boolean behind = r.number("rps").flatMap(a -> r.number("rate").map(b -> a < 0.95 * b)).orElse(false);
      md.append("| ").append(r.label()).append(" | ").append(r.get("rps"))
          .append(behind ? " (behind the schedule: the latencies include the backlog)" : "").append(" | ").append(r.get("p50_ms"))
          .append(" | ").append(r.get("p99_ms")).append(" | ").append(r.get("max_ms"))
          .append(" | ").append(difference(r, "floor", "p50_ms")).append(" | ").append(difference(r, "floor", "p99_ms")).append(" |\n");
    }
    md.append("\n## WebSocket calls: 64 connections, each sends its next call on the answer\n\n");
    md.append("| row | calls/s | × floor | p50 ms | p99 ms | CPU µs/call |\n|---|---:|---:|---:|---:|---:|\n");
    for (Row r : group("ws")) {
      md.append("| ").append(r.label()).append(" | ").append(r.get("rps")).append(" | ").append(ratio(r, "floor", "rps"))
          .append(" | ").append(r.get("p50_ms")).append(" | ").append(r.get("p99_ms"))
          .append(" | ").append(r.get("cpu_us_per_req")).append(" |\n");
    }
    md.append("\n## WebSocket fan-out of newHeads\n\n");
    md.append("| subscribers (subscribed) | heads (all delivered) | deliveries | p50 ms | p99 ms | max ms | connect s | RSS before / subscribed / peak MiB | CPU µs per delivery: Scopegate / client | first warm-up head p50 / p99 ms | warm-up heads p99 ms | measured heads p99 ms |\n");
    md.append("|---|---|---|---:|---:|---:|---:|---|---|---|---|---|\n");
    for (Row r : group("fanout")) {
      md.append("| ").append(r.get("subscribers")).append(" (").append(r.get("subscribed")).append(") | ")
          .append(r.get("heads")).append(" (").append(r.get("heads_complete")).append(") | ")
          .append(r.get("delivered")).append(" of ").append(r.get("expected")).append(" | ")
          .append(r.get("p50_ms")).append(" | ").append(r.get("p99_ms")).append(" | ").append(r.get("max_ms"))
          .append(" | ").append(r.get("connect_s")).append(" | ").append(r.get("rss_before_mib")).append(" / ")
          .append(r.get("rss_subscribed_mib")).append(" / ").append(r.get("rss_peak_mib"))
          .append(" | ").append(r.get("cpu_us_per_delivery")).append(" / ").append(r.get("client_cpu_us_per_delivery"))
          .append(" | ").append(r.get("first_head_p50_ms")).append(" / ").append(r.get("first_head_p99_ms"))
          .append(" | ").append(r.get("warm_head_p99_ms")).append(" | ").append(r.get("head_p99_ms")).append(" |\n");
    }
    md.append("\n## Privacy-index backfill\n\n| row | blocks | seconds | blocks/s | × direct |\n|---|---:|---:|---:|---:|\n");
    for (Row r : group("backfill")) {
      String seconds = r.number("ms").map(ms -> String.format("%.2f", ms / 1000)).orElse(r.get("seconds"));
      md.append("| ").append(r.label()).append(" | ").append(r.get("blocks")).append(" | ").append(seconds)
          .append(" | ").append(r.get("blocks_per_s")).append(" | ").append(ratio(r, "direct", "blocks_per_s")).append(" |\n");
    }
    md.append("\n## Start and memory\n\n| figure | value |\n|---|---:|\n");
    find("start", "ready").ifPresent(r -> md.append("| time to ready, no index (ms) | ").append(r.get("ready_ms"))
        .append(" |\n| RSS idle after start (MiB) | ").append(r.get("rss_idle_mib")).append(" |\n"));
    find("start", "after").ifPresent(r -> md.append("| RSS after the saturation rows (MiB) | ").append(r.get("rss_after_mib")).append(" |\n"));
    find("start", "ready-private").ifPresent(r -> md.append("| time to ready with a fresh index of the dev node's chain (ms) | ")
        .append(r.get("ready_ms")).append(" |\n"));
    md.append("\n## The issue's targets beside this run (not a verdict)\n\n| target | this run |\n|---|---|\n");
    targets().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    return md.toString();
  }

  private Map<String, String> targets() {
    Map<String, String> t = new LinkedHashMap<>();
    find("fixed", "tenant").ifPresent(r -> t.put("tenant eth_blockNumber ≥ 1.0 × nginx", ratio(r, "nginx", "rps") + " ×"));
    find("fixed", "operator").ifPresent(r -> t.put("operator ≥ 1.1 × nginx", ratio(r, "nginx", "rps") + " ×"));
    find("fixed", "vertx").ifPresent(v -> t.put("(not a target) the floors: Vert.x bare proxy, Netty bare proxy × nginx;"
            + " tenant, operator × the Vert.x floor",
        ratio(v, "nginx", "rps") + " ×, " + find("fixed", "netty").map(n -> ratio(n, "nginx", "rps")).orElse("-") + " ×; "
            + find("fixed", "tenant").map(r -> ratio(r, "vertx", "rps")).orElse("-") + " ×, "
            + find("fixed", "operator").map(r -> ratio(r, "vertx", "rps")).orElse("-") + " ×"));
    find("fixed", "tenant").ifPresent(r -> t.put("tenant p99 at saturation ≤ nginx p99 + 1 ms",
        r.get("p99_ms") + " ms vs " + find("fixed", "nginx").map(n -> n.get("p99_ms")).orElse("-") + " ms"));
    find("paced", "tenant").ifPresent(r -> t.put("added latency at 1 000 req/s: median ≤ 0.2 ms, p99 ≤ 1 ms",
        "tenant " + difference(r, "floor", "p50_ms") + " / " + difference(r, "floor", "p99_ms") + " ms; operator "
            + find("paced", "operator").map(o -> difference(o, "floor", "p50_ms") + " / " + difference(o, "floor", "p99_ms")).orElse("-") + " ms"
            + find("paced", "vertx").map(v -> "; (not a target) the Vert.x bare proxy " + difference(v, "floor", "p50_ms") + " / "
                + difference(v, "floor", "p99_ms") + " ms, nginx " + find("paced", "nginx").map(n -> difference(n, "floor", "p50_ms")
                    + " / " + difference(n, "floor", "p99_ms")).orElse("-") + " ms").orElse("")));
    find("read", "tenant").ifPresent(r -> t.put("own private read: one node call; ≥ 0.9 × the operator's read",
        r.get("upstream_per_req") + " node calls per read; " + ratio(r, "operator", "rps") + " ×"
            + find("turns", "read").map(turns -> "; in turns: median " + median(turns.get("ratios")) + " × ("
                + turns.get("ratios").replace(",", ", ") + ")").orElse("")));
    find("logs", "tenant").ifPresent(r -> t.put("filtering 1 000 logs ≥ 0.8 × the operator's unfiltered", ratio(r, "operator", "rps") + " ×"));
    find("fanout", "tenant").ifPresent(r -> t.put("10 000 subscribers: RSS ≤ 1 GiB; p99 delivery ≤ 200 ms",
        r.get("subscribed") + " subscribers: peak RSS " + r.get("rss_peak_mib") + " MiB; p99 " + r.get("p99_ms") + " ms"));
    find("start", "ready").ifPresent(r -> t.put("idle RSS ≤ 150 MiB; ready ≤ 1.5 s",
        r.get("rss_idle_mib") + " MiB; " + r.get("ready_ms") + " ms"));
    find("start", "after").ifPresent(r -> t.put("RSS after the saturation rows ≤ 300 MiB", r.get("rss_after_mib") + " MiB"));
    t.put("token-cache hit ≤ 1 µs", "JMH (see docs/BENCHMARKS.md), not part of this run");
    return t;
  }

  private String json(Map<String, String> meta) throws Exception {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("meta", meta);
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("group", r.group());
      row.put("row", r.row());
      row.put("label", r.label());
      row.put("figures", r.figures());
      if (r.number("rps").isPresent()) {
        row.put("ratioToFloor", ratio(r, "floor", "rps"));
        row.put("ratioToNginx", ratio(r, "nginx", "rps"));
      }
      out.add(row);
    }
    doc.put("rows", out);
    doc.put("targets", targets());
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
  }
}
