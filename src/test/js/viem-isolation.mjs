// A tenant's dApp with viem through Scopegate in front of the dev node (GoQuorum with private
// state): its own private contract readable, another tenant's refused, logs and a WebSocket logs
// subscription filtered. Env: SG_HTTP, SG_WS (with access_token), TOKEN_A, TOKEN_B, OWN, FOREIGN,
// OWNER_A, OWNER_B, KEY_A, KEY_B (Tessera keys).
import { createPublicClient, http, webSocket } from "viem";
import { check, env, first, run } from "./harness.mjs";

const client = (token) => createPublicClient({
  transport: http(env("SG_HTTP"), { fetchOptions: { headers: { Authorization: `Bearer ${token}` } }, retryCount: 0 }),
});

run("viem-isolation", 90, async () => {
  const a = client(env("TOKEN_A"));
  const b = client(env("TOKEN_B"));
  const own = env("OWN").toLowerCase();
  const foreign = env("FOREIGN").toLowerCase();

  const ownCode = await a.getCode({ address: own });
  check(ownCode && ownCode !== "0x", "own private contract's code readable");
  const foreignCode = await a.getCode({ address: foreign });
  check(foreignCode === undefined, `foreign private contract shows no code (got ${foreignCode})`);
  let refused = null;
  try {
    await a.request({ method: "eth_call", params: [{ to: foreign, data: "0xca11" }, "latest"] });
  } catch (e) {
    refused = e.details;
  }
  check(refused === "not authorized", `call to a foreign contract refused (${refused})`);

  const logs = await a.request({ method: "eth_getLogs", params: [{ fromBlock: "0x0", toBlock: "latest" }] });
  const emitters = new Set(logs.map((l) => l.address.toLowerCase()));
  check(emitters.has(own) && !emitters.has(foreign), `logs filtered: ${[...emitters]}`);

  // WebSocket: B's log first, then A's; A's subscription must deliver A's and never B's.
  const ws = createPublicClient({ transport: webSocket(env("SG_WS"), { retryCount: 0 }) });
  const seen = [];
  const ownLog = first(30, "own log over WebSocket", (deliver) => ws.transport.subscribe({
    params: ["logs", {}],
    onData: (msg) => {
      const address = msg.result.address.toLowerCase();
      seen.push(address);
      if (address === own) deliver(address);
    },
    onError: (e) => console.error(e),
  }));
  const send = (c, from, key, to) => c.request({
    method: "eth_sendTransaction",
    params: [{ from, to, data: "0xca11ff", privateFrom: key, privateFor: [] }],
  });
  await waitSubscribed(ws);
  await send(b, env("OWNER_B"), env("KEY_B"), foreign);
  await send(a, env("OWNER_A"), env("KEY_A"), own);
  await ownLog;
  check(!seen.includes(foreign), `subscription filtered: ${seen}`);
  return { ownCode, emitters: [...emitters], seen };
});

// viem resolves subscribe() once the node acknowledged it; its first call through the socket
// returns after that acknowledgment (answers arrive in order).
async function waitSubscribed(ws) {
  await ws.request({ method: "eth_blockNumber", params: [] });
}
