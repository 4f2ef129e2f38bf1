package dev.scopegate.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GoQuorum's {@code rpc://} grammar, as rows: scope, method, granted. */
class RpcGrantTest {

  @ParameterizedTest(name = "{0} covers {1}: {2}")
  @CsvSource({
    "rpc://eth_*,                  eth_chainId,        true",
    "rpc://eth_*,                  net_version,        false",
    "rpc://eth_,                   eth_chainId,        true",
    "rpc://eth.*,                  eth_getBalance,     true",
    "rpc://eth,                    eth_chainId,        true",
    "rpc://eth,                    ethx_chainId,       false",
    "rpc://eth_chainId,            eth_chainId,        true",
    "rpc://eth_chainId,            eth_call,           false",
    "rpc://eth.chainId,            eth_chainId,        true",
    "rpc://*_version,              net_version,        true",
    "rpc://*_version,              web3_clientVersion, false",
    "rpc://_version,               net_version,        true",
    "rpc://.version,               shh_version,        true",
    "rpc://_version,               eth_chainId,        false",
    "rpc://web3.clientVersion,     web3_clientVersion, true",
    "rpc://web3_clientVersion,     web3_clientVersion, true",
    "rpc://web3.clientVersion,     web3_sha3,          false",
    "rpc://,                       eth_chainId,        true",
    "rpc://,                       admin_peers,        true",
    "rpc://*,                      admin_peers,        true",
    "rpc://*_*,                    debug_traceCall,    true",
    "rpc://_,                      personal_sign,      true",
    "RPC://eth_*,                  eth_chainId,        true",
    "rpc://ETH_*,                  eth_chainId,        false",
    "rpc://eth_*,                  eth,                false",
    "rpc://,                       eth,                false",
    "rpc://plugin@hello_greeting,  plugin@hello_greeting, true",
  })
  void grammar(String scope, String method, boolean granted) {
    boolean covers = RpcGrant.parse(scope).map(g -> g.covers(method)).orElse(false);
    assertEquals(granted, covers);
  }

  @ParameterizedTest(name = "{0} grants nothing")
  @ValueSource(
      strings = {
        "rpc://eth_get*",
        "rpc://e*_chainId",
        "rpc://**",
        "rpc://eth_*Balance",
        "rpc://eth_get_balance",
        "rpc:/eth_*",
        "rpcx://eth_*",
        "private://0x0/_/contracts?owned.eoa=0x0&from.tm=QUJD",
        "openid",
        ""
      })
  void malformedOrForeignScopesParseToNothing(String scope) {
    assertTrue(RpcGrant.parse(scope).isEmpty());
  }
}
