// The test contract as bytecode (no compiler in the build): any call emits Ping(uint256) with
// the call's first argument. Same code as EventContract.java.
import { id } from "ethers";

export const abi = ["function ping(uint256 value)", "event Ping(uint256 value)"];

export function creationCode() {
  const runtime = "60206004600037" + "7f" + id("Ping(uint256)").slice(2) + "60206000a1" + "00";
  return "0x602e600c600039602e6000f3" + runtime;
}
