package dev.scopegate.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.scopegate.jsonrpc.RpcError;
import dev.scopegate.jsonrpc.RpcException;
import java.util.ArrayList;
import java.util.List;

/** Token parsing and the scope grammar over any text: a result or a clean refusal. */
class TokenAndScopeFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void tokensParseOrAreRefused(FuzzedDataProvider data) {
    String token = data.consumeRemainingAsString();
    try {
      JwtToken parsed = JwtToken.parse(token);
      assertTrue(parsed.claims().isObject());
    } catch (RpcException refused) {
      assertEquals(RpcError.INVALID_TOKEN, refused.error());
    }
  }

  @FuzzTest(maxDuration = "30s")
  void scopesParseWithoutFailing(FuzzedDataProvider data) {
    List<String> scopes = new ArrayList<>();
    while (data.remainingBytes() > 0) {
      scopes.add(data.consumeString(80));
    }
    Scopes parsed = Scopes.parse(scopes);
    for (RpcGrant grant : parsed.rpcGrants()) {
      // only a whole part may be a wildcard
      assertTrue(grant.namespace().equals("*") || !grant.namespace().contains("*"), grant.toString());
      assertTrue(grant.function().equals("*") || !grant.function().contains("*"), grant.toString());
    }
  }
}
