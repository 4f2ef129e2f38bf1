// Shared by the client scripts: bounded run, one JSON line of facts on success, exit code 1 with
// the failure otherwise (the JUnit driver asserts on both).
export function run(name, seconds, body) {
  const timer = setTimeout(() => {
    console.error(`${name}: no result within ${seconds}s`);
    process.exit(3);
  }, seconds * 1000);
  body()
    .then((facts) => {
      clearTimeout(timer);
      console.log(JSON.stringify(facts));
      process.exit(0);
    })
    .catch((e) => {
      clearTimeout(timer);
      console.error(`${name} failed:`, e && e.stack ? e.stack : e);
      process.exit(1);
    });
}

export function check(condition, what) {
  if (!condition) {
    throw new Error("check failed: " + what);
  }
}

export function env(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

/** Resolves with the first value `subscribe(resolve)` delivers, or rejects after `seconds`. */
export function first(seconds, what, subscribe) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${what} within ${seconds}s`)), seconds * 1000);
    subscribe((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
