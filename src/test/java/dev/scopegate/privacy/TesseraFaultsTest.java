package dev.scopegate.privacy;

import dev.scopegate.testing.Eventually;
import static dev.scopegate.devnode.DevTessera.KA;
import static dev.scopegate.devnode.DevTessera.KB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.config.Config;
import dev.scopegate.devnode.Address;
import dev.scopegate.devnode.DevNode;
import dev.scopegate.devnode.DevNodeOptions;
import dev.scopegate.devnode.PrivacyRequest;
import dev.scopegate.devnode.TransactionRequest;
import dev.scopegate.isolation.TenantScopes;
import dev.scopegate.observe.LogCapture;
import dev.scopegate.testing.FaultProxy;
import dev.scopegate.testing.FaultProxy.Mode;
import dev.scopegate.testing.Stack;
import dev.scopegate.testing.Wire;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tessera fails while a tenant's private contract is mined: down, stalled, garbage, well-formed
 * JSON that is no answer. Who is party cannot be learnt, so the contract is refused to every
 * tenant with the retriable error — never served on a guess — and served to its party once
 * Tessera answers again. The outage is logged once, and its end once, however often the index
 * retries.
 */
@ExtendWith(VertxExtension.class)
class TesseraFaultsTest {
  private static final String RETRY = "privacy facts unavailable; retry";
  private static final String CODE = "0xaaaa5ec12e70";

  private DevNode node;
  private FaultProxy faults;
  private Stack stack;

  @BeforeEach
  void start(Vertx vertx) throws Exception {
    node = DevNode.start(vertx, DevNodeOptions.defaults()).await(10, TimeUnit.SECONDS);
    faults = FaultProxy.start(vertx, node.tessera().url(), Mode.PASS);
    stack = Stack.start(vertx, node, c -> {
      Config.Upstream u = c.upstream();
      Config.Index i = c.privacy().index();
      return new Config(new Config.Upstream(u.http(), u.ws(), Optional.of(faults.url().toString()),
          Duration.ofSeconds(3), u.mode(), u.wsMaxCallBytes(), u.maxResponseBytes()),
          c.server(), c.ipc(),
          new Config.Privacy(new Config.Index(i.path(), i.fromBlock(), Duration.ofMillis(300), i.pollInterval()),
              c.privacy().extenderCodeHashes()),
          c.auth(), c.metrics());
    });
    stack.awaitIndexed();
  }

  @AfterEach
  void stop() throws Exception {
    stack.close();
    faults.close().await(10, TimeUnit.SECONDS);
  }

  private Address mineContractOfA() {
    TransactionRequest create = TransactionRequest.create(node.chain().accounts().get(0), CODE)
        .withPrivacy(PrivacyRequest.local(KA, List.of(), 0));
    return node.chain().mineTransaction(create).local().privateReceipt().orElseThrow()
        .contractAddress().orElseThrow();
  }

  private HttpResponse<String> codeAs(String key, Address contract) {
    return stack.proxy().tenant(stack.tokenFor("tenant-" + key.substring(0, 4), "rpc://eth_*", TenantScopes.owner(key)),
        Wire.call(1, "eth_getCode", "[\"" + contract + "\",\"latest\"]"));
  }

  private void assertRefusedToBoth(Address contract) {
    for (String key : List.of(KA, KB)) {
      HttpResponse<String> refused = codeAs(key, contract);
      assertFalse(refused.body().contains(CODE.substring(2)), "never served on a guess: " + refused.body());
      JsonNode error = Wire.json(refused).get("error");
      assertEquals(-32000, error.get("code").asInt(), refused.body());
      assertEquals(RETRY, error.get("message").asText(), refused.body());
    }
  }

  private void assertServedToItsPartyOnly(Address contract) throws Exception {
    stack.awaitIndexed();
    assertEquals(CODE, Wire.json(codeAs(KA, contract)).get("result").asText());
    assertFalse(codeAs(KB, contract).body().contains(CODE.substring(2)));
  }

  @ParameterizedTest
  @EnumSource(value = Mode.class, names = {"REFUSE", "STALL", "GARBAGE", "WRONG_JSON", "CUT_MID_BODY"})
  void failsClosedThenRecovers(Mode fault) throws Exception {
    faults.mode(fault);
    Address contract = mineContractOfA();
    assertRefusedToBoth(contract);
    faults.mode(Mode.PASS);
    assertServedToItsPartyOnly(contract);
  }

  /**
   * GoQuorum reads Tessera's 404 as "no key here is party" (private/engine/tessera {@code
   * Receive}); so does the index: the contract is nobody's here, refused to both tenants as a
   * non-party's answer. Nothing is served open.
   */
  @Test
  void notFoundIsReadAsNoPartyHere() throws Exception {
    faults.mode(Mode.NOT_FOUND);
    Address contract = mineContractOfA();
    stack.awaitIndexed();
    for (String key : List.of(KA, KB)) {
      HttpResponse<String> answer = codeAs(key, contract);
      assertFalse(answer.body().contains(CODE.substring(2)), "not served: " + answer.body());
    }
  }

  @Test
  void anOutageIsLoggedOnceAndItsEndOnce() throws Exception {
    try (LogCapture capture = LogCapture.attach()) {
      faults.mode(Mode.REFUSE);
      Address contract = mineContractOfA();
      awaitAttempts(faults.attempts() + 3);
      faults.mode(Mode.GARBAGE); // another failure, same outage
      awaitAttempts(faults.attempts() + 1);
      faults.mode(Mode.REFUSE);
      awaitAttempts(faults.attempts() + 1);
      List<String> warned = capture.warnings().stream().filter(w -> w.startsWith("PrivacyIndex")).toList();
      assertEquals(1, warned.size(), "one line for the outage, however many retries and reasons: " + warned);
      faults.mode(Mode.PASS);
      assertServedToItsPartyOnly(contract);
      assertEquals(1, capture.infos(PrivacyIndex.class.getName()).stream()
          .filter(m -> m.contains("resumed")).count(), String.join("\n", capture.lines()));
    }
  }

  /** Scopegate's attempts reach Tessera (the proxy sees each connection): a bounded wait. */
  private void awaitAttempts(long count) throws Exception {
    Eventually.until(() -> faults.attempts() >= count, "Scopegate to keep retrying Tessera", Duration.ofSeconds(60));
  }
}
