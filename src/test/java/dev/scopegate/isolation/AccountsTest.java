package dev.scopegate.isolation;

import dev.scopegate.isolation.filter.AccountsFilter;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopegate.jsonrpc.Json;
import dev.scopegate.jsonrpc.RpcRequest;
import dev.scopegate.upstream.Answer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The node's accounts as a tenant sees and uses them: only those its grants let it act as. */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountsTest {
  private GuardStack stack;

  @BeforeAll
  void start(Vertx vertx, @TempDir Path dir) throws Exception {
    stack = GuardStack.start(vertx, dir.resolve("index"));
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  private List<String> names(String aliases) {
    return aliases.equals("-")
        ? List.of()
        : Arrays.stream(aliases.split(",")).map(stack::name).toList();
  }

  @ParameterizedTest(name = "[{0}] sees {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "0x0/_/0x0/A;                     node0,node1,node2",
        "node1/_/0x0/A;                   node1",
        "node2/write/0x0/A node0/create/0x0/B; node0,node2",
        "0x0/read/0x0/A;                  -",
        "node1/read/0x0/A;                -",
        "0x0/read/0x0/A node1/write/0x0/A; node1",
      })
  void accountsAreNarrowedToTheTenants(String scopes, String expected) throws Exception {
    JsonNode accounts = stack.call(stack.tenant(scopes), "eth_accounts", "[]").result();
    List<String> seen = new ArrayList<>();
    accounts.forEach(a -> seen.add(a.asText()));
    assertEquals(names(expected), seen);
  }

  @ParameterizedTest(name = "{0} with {1} as [{2}] -> {3}")
  @CsvSource(
      delimiter = ';',
      value = {
        "eth_sign;      [\"node0\",\"0xdead\"];          node0/_/0x0/A;  forwarded",
        "eth_sign;      [\"node1\",\"0xdead\"];          node0/_/0x0/A;  not authorized",
        "eth_sign;      [\"node1\",\"0xdead\"];          0x0/_/0x0/A;    forwarded",
        "eth_sign;      [\"node1\",\"0xdead\"];          0x0/read/0x0/A; not authorized",
        "eth_sign;      [\"0x1234\",\"0xdead\"];         0x0/_/0x0/A;    invalid params",
        "personal_sign; [\"0xdead\",\"node0\",\"pw\"];   node0/_/0x0/A;  forwarded",
        "personal_sign; [\"0xdead\",\"node1\",\"pw\"];   node0/_/0x0/A;  not authorized",
        "personal_sign; [\"0xdead\"];                    0x0/_/0x0/A;    invalid params",
      })
  void signingNeedsTheTenantsAccount(String method, String params, String scopes, String expected)
      throws Exception {
    String resolved =
        params.replace("node0", stack.name("node0")).replace("node1", stack.name("node1"));
    assertEquals(expected, stack.outcome(stack.tenant(scopes), method.trim(), resolved));
  }

  @Test
  void theFilterKeepsTheNodesOrderAndDropsWhatIsNotAnAccountList() throws Exception {
    AccountsFilter filter = new AccountsFilter();
    RpcRequest request =
        new RpcRequest(Optional.empty(), "personal_listAccounts", Optional.empty());
    JsonNode listed =
        Json.MAPPER.readTree(
            "[\""
                + stack.name("node2")
                + "\",\""
                + stack.name("node1").toUpperCase().replace("0X", "0x")
                + "\",7]");
    Answer narrowed =
        filter.filter(stack.tenant("node1/_/0x0/A"), request, new Answer(listed, null)).result();
    assertEquals(1, narrowed.result().size());
    assertEquals(listed.get(1), narrowed.result().get(0));
    Answer odd =
        filter
            .filter(
                stack.tenant("0x0/_/0x0/A"), request, new Answer(Json.MAPPER.readTree("{}"), null))
            .result();
    assertEquals(Json.MAPPER.createArrayNode(), odd.result());
  }
}
