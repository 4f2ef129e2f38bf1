// A tenant's dApp with ethers v6 through Scopegate in front of the dev node (GoQuorum with
// private state): its own private contract readable, another tenant's read as a non-party node
// shows it and its call refused, logs filtered over HTTP, and a WebSocket logs subscription (bearer
// token on the upgrade) filtered. Env: SG_HTTP, SG_WS, TOKEN_A, TOKEN_B, OWN, FOREIGN, OWNER_A,
// OWNER_B, KEY_A, KEY_B (Tessera keys).
import { FetchRequest, JsonRpcProvider, WebSocketProvider } from "ethers";
import WebSocket from "ws";
import { check, env, first, run } from "./harness.mjs";

const provider = (token) => {
  const request = new FetchRequest(env("SG_HTTP"));
  request.setHeader("Authorization", `Bearer ${token}`);
  // no request cache: every answer is Scopegate's (ethers v6 shares identical requests for 250 ms)
  return new JsonRpcProvider(request, undefined, { staticNetwork: true, cacheTimeout: -1 });
};

run("ethers-isolation", 90, async () => {
  const a = provider(env("TOKEN_A"));
  const b = provider(env("TOKEN_B"));
  const own = env("OWN").toLowerCase();
  const foreign = env("FOREIGN").toLowerCase();

  const ownCode = await a.getCode(own);
  check(ownCode !== "0x", "own private contract's code readable");
  const foreignCode = await a.getCode(foreign);
  check(foreignCode === "0x", `foreign private contract shows no code (got ${foreignCode})`);
  let refused = null;
  try {
    await a.call({ to: foreign, data: "0xca11" });
  } catch (e) {
    refused = e.info?.error?.message ?? e.error?.message ?? String(e);
  }
  check(refused === "not authorized", `call to a foreign contract refused (${refused})`);

  const logs = await a.getLogs({ fromBlock: 0, toBlock: "latest" });
  const emitters = new Set(logs.map((l) => l.address.toLowerCase()));
  check(emitters.has(own) && !emitters.has(foreign), `logs filtered: ${[...emitters]}`);

  // WebSocket: B's log first, then A's; A's subscription must deliver A's and never B's.
  const ws = new WebSocketProvider(
    () => new WebSocket(env("SG_WS"), { headers: { Authorization: `Bearer ${env("TOKEN_A")}` } }));
  const seen = [];
  const ownLog = first(30, "own log over WebSocket", (deliver) => ws.on({ topics: [] }, (log) => {
    const address = log.address.toLowerCase();
    seen.push(address);
    if (address === own) deliver(address);
  }));
  await ws.send("eth_blockNumber", []); // the subscription is established once the socket is up
  const send = (p, from, key, to) => p.send("eth_sendTransaction",
    [{ from, to, data: "0xca11ff", privateFrom: key, privateFor: [] }]);
  await send(b, env("OWNER_B"), env("KEY_B"), foreign);
  await send(a, env("OWNER_A"), env("KEY_A"), own);
  await ownLog;
  check(!seen.includes(foreign), `subscription filtered: ${seen}`);
  await ws.destroy();
  return { ownCode, foreignCode, refused, emitters: [...emitters], seen };
});
