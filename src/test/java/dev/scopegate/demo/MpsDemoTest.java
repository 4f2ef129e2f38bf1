package dev.scopegate.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.mode.NodeMode;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code demo --mps}: two tenants in two PSIs, as its banner says. */
@ExtendWith(VertxExtension.class)
class MpsDemoTest {
  private Demo demo;
  private String banner;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    demo = Demo.start(vertx, Map.of("SCOPEGATE_SERVER_PORT", "0", "SCOPEGATE_METRICS_PORT", "0"), true)
        .await(20, TimeUnit.SECONDS);
    banner = demo.banner();
  }

  @AfterEach
  void stop() throws Exception {
    demo.stop().await(10, TimeUnit.SECONDS);
  }

  private String printed(String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(banner);
    assertTrue(m.find(), pattern + " is printed");
    return m.group(1);
  }

  private HttpResponse<String> post(String body, String... headers) {
    return Wire.post(URI.create(printed("JSON-RPC endpoint : (\\S+)")), body, headers);
  }

  @Test
  void twoTenantsInTwoPsis() {
    assertEquals(Optional.of(NodeMode.MPS), demo.proxy().modes().current());
    String a = "Bearer " + printed("export TOKEN_A='([^']+)'");
    String b = "Bearer " + printed("export TOKEN_B='([^']+)'");
    String inPs1 = printed("Contracts: (0x[0-9a-f]{40}) in PS1");
    String getCode = Wire.call(1, "eth_getCode", "[\"" + inPs1 + "\",\"latest\"]");
    JsonNode ofA = Wire.json(post(getCode, "Authorization", a));
    assertTrue(ofA.get("result").asText().length() > 2, ofA.toString());
    assertEquals("0x", Wire.json(post(getCode, "Authorization", b)).get("result").asText());
    assertEquals(403, post(getCode, "Authorization", b, "Quorum-PSI", "PS1").statusCode());
    assertEquals("PS2", Wire.json(post(Wire.call(2, "eth_getPSI", "[]"), "Authorization", b)).get("result").asText());
    assertEquals(1, Wire.json(post(Wire.call(3, "eth_accounts", "[]"), "Authorization", a)).get("result").size());
  }
}
