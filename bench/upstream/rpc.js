// The benchmark's upstream: answers every JSON-RPC call with a fixed result and echoes its id
// (Scopegate renumbers the ids it forwards, so a fixed reply would not match). Single and batch.
// Costs one JSON parse and one stringify per request: the floor the proxies are compared with.
var RESULTS = {
  eth_blockNumber: '0x1b4',
  eth_chainId: '0x539',
  net_version: '1337',
  web3_clientVersion: 'Geth/v1.10.3-stable-bench/linux-amd64/go1.16.15'
};

function answer(call) {
  if (call === null || typeof call !== 'object') {
    return { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'invalid request' } };
  }
  if (call.method in RESULTS) {
    return { jsonrpc: '2.0', id: call.id, result: RESULTS[call.method] };
  }
  // Also what Scopegate's mode probe sees for eth_getContractPrivacyMetadata: a node without
  // private state (public mode), as geth answers it.
  return { jsonrpc: '2.0', id: call.id,
    error: { code: -32601, message: 'the method ' + call.method + ' does not exist/is not available' } };
}

function handle(r) {
  var body;
  try {
    body = JSON.parse(r.requestText);
  } catch (e) {
    r.headersOut['Content-Type'] = 'application/json';
    r.return(200, '{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse error"}}');
    return;
  }
  var reply = Array.isArray(body) ? body.map(answer) : answer(body);
  r.headersOut['Content-Type'] = 'application/json';
  r.return(200, JSON.stringify(reply));
}

export default { handle };
