// A tenant's dApp with ethers v6 through Scopegate in front of anvil (public mode), and an
// operator over Scopegate's IPC socket. Env: SG_HTTP, SG_WS, SG_IPC, TOKEN, KEY, TO, and ANVIL
// (the node itself, started with --no-mining: the test mines, never the tenant).
import {
  ContractFactory, Contract, FetchRequest, IpcSocketProvider, JsonRpcProvider, Wallet,
  WebSocketProvider, parseEther,
} from "ethers";
import WebSocket from "ws";
import { abi, creationCode } from "./contract.mjs";
import { check, env, first, run } from "./harness.mjs";

run("ethers-anvil", 90, async () => {
  const request = new FetchRequest(env("SG_HTTP"));
  request.setHeader("Authorization", `Bearer ${env("TOKEN")}`);
  // cacheTimeout -1: ethers v6 otherwise answers an identical request made within 250 ms from the
  // earlier one's promise (AbstractProvider#perform; ethers-io/ethers.js#4549), so a nonce read
  // right after a send gets the previous pending count without asking Scopegate at all. Every
  // nonce here must be Scopegate's answer.
  const http = new JsonRpcProvider(request, undefined, { pollingInterval: 100, cacheTimeout: -1 });
  const wallet = new Wallet(env("KEY"), http);
  const node = (method, params) => fetch(env("ANVIL"), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  }).then((r) => r.json()).then((a) => {
    check(a.error === undefined, `${method}: ${JSON.stringify(a.error)}`);
    return a.result;
  });

  // Two type-2 transfers sent back to back while nothing is mined: the second's nonce can only
  // come from the node's pending state, through Scopegate.
  const first1 = await wallet.sendTransaction({ to: env("TO"), value: parseEther("0.01") });
  const second = await wallet.sendTransaction({ to: env("TO"), value: parseEther("0.02") });
  check(first1.type === 2 && second.type === 2, "type-2 transactions");
  check(second.nonce === first1.nonce + 1, `nonces ${first1.nonce}, ${second.nonce}`);
  const mined = await node("eth_getTransactionCount", [wallet.address, "latest"]);
  check(BigInt(mined) === BigInt(first1.nonce), `both transfers were pooled when signed (mined nonce ${mined})`);
  await node("evm_mine", []);
  await node("evm_setAutomine", [true]);
  const receipt = await second.wait(1, 30_000);
  check(receipt.status === 1, "transfer succeeded");

  // A contract, its events by query and by filter (eth_newFilter/eth_getFilterChanges). Its
  // nonce is read right after the transfers were mined.
  const factory = new ContractFactory(abi, creationCode(), wallet);
  const contract = await factory.deploy();
  const deployment = contract.deploymentTransaction();
  check(deployment.nonce === second.nonce + 1, `deployment nonce ${deployment.nonce} after ${second.nonce}`);
  await contract.waitForDeployment();
  const address = await contract.getAddress();
  await (await contract.ping(7)).wait();
  const queried = await contract.queryFilter("Ping", 0, "latest");
  check(queried.length === 1 && queried[0].args.value === 7n, "queryFilter finds Ping(7)");
  const polled = first(30, "Ping over a filter", (deliver) => contract.on("Ping", (value) => deliver(value)));
  await (await contract.ping(8)).wait();
  const polledValue = await polled;
  check(polledValue === 8n, `filter delivered ${polledValue}`);
  await contract.removeAllListeners();

  // WebSocket with the bearer token on the upgrade: newHeads and the contract's logs.
  const ws = new WebSocketProvider(
    () => new WebSocket(env("SG_WS"), { headers: { Authorization: `Bearer ${env("TOKEN")}` } }));
  const wsContract = new Contract(address, abi, ws);
  const head = first(30, "a block over WebSocket", (deliver) => ws.on("block", deliver));
  const logged = first(30, "Ping over WebSocket", (deliver) => wsContract.on("Ping", (value) => deliver(value)));
  await ws.send("eth_blockNumber", []); // subscriptions are established once the socket is up
  await (await contract.ping(9)).wait();
  const [block, wsValue] = [await head, await logged];
  check(wsValue === 9n, `logs subscription delivered ${wsValue}`);
  await ws.destroy();

  // The operator over IPC sees the node's accounts unfiltered.
  const ipc = new IpcSocketProvider(env("SG_IPC"));
  const accounts = await ipc.send("eth_accounts", []);
  const ipcHead = await ipc.getBlockNumber();
  ipc.destroy();
  check(accounts.length === 10, `operator sees ${accounts.length} accounts`);

  return {
    firstTransfer: first1.hash, transfer: second.hash, deployment: deployment.hash, contract: address, wsBlock: block, ipcHead, accounts: accounts.length,
  };
});
