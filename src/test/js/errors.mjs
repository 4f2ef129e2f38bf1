// What ethers v6 and viem show for Scopegate's errors: each error is provoked through Scopegate
// and both clients' error code/name and short message are reported (docs/clients.md quotes them).
// Env: SG_HTTP, TOKEN (rpc://eth_* with key A), FOREIGN (a private contract of another tenant).
import { FetchRequest, JsonRpcProvider } from "ethers";
import { createPublicClient, http } from "viem";
import { env, run } from "./harness.mjs";

run("errors", 60, async () => {
  const cases = {
    accessDenied: ["net_peerCount", []],
    methodNotFound: ["eth_madeUpMethod", []],
    notAuthorizedProof: ["eth_getProof", [env("FOREIGN"), [], "latest"]],
    notAuthorizedCall: ["eth_call", [{ to: env("FOREIGN"), data: "0x" }, "latest"]],
    invalidParams: ["eth_getBalance", ["0x1234", "latest"]],
  };
  const request = (token) => {
    const r = new FetchRequest(env("SG_HTTP"));
    if (token) r.setHeader("Authorization", `Bearer ${token}`);
    return r;
  };
  const ethers = new JsonRpcProvider(request(env("TOKEN")), undefined, { staticNetwork: true, batchMaxCount: 1 });
  const viem = createPublicClient({
    transport: http(env("SG_HTTP"), { fetchOptions: { headers: { Authorization: `Bearer ${env("TOKEN")}` } }, retryCount: 0 }),
  });
  const shown = {};
  for (const [name, [method, params]] of Object.entries(cases)) {
    shown[name] = { ethers: await viaEthers(ethers, method, params), viem: await viaViem(viem, method, params) };
  }
  const anonymous = new JsonRpcProvider(request(null), undefined, { staticNetwork: true });
  shown.missingToken = {
    ethers: await viaEthers(anonymous, "eth_blockNumber", []),
    viem: await viaViem(createPublicClient({ transport: http(env("SG_HTTP"), { retryCount: 0 }) }), "eth_blockNumber", []),
  };
  ethers.destroy();
  anonymous.destroy();
  return shown;
});

async function viaEthers(provider, method, params) {
  try {
    await provider.send(method, params);
    return { answered: true };
  } catch (e) {
    return { code: e.code, shortMessage: e.shortMessage, rpcMessage: e.error?.message ?? e.info?.error?.message ?? null };
  }
}

async function viaViem(client, method, params) {
  try {
    await client.request({ method, params });
    return { answered: true };
  } catch (e) {
    return { name: e.name, code: e.code ?? null, shortMessage: e.shortMessage, details: e.details ?? null };
  }
}
