// Test harness, not part of the function: counts the zero-delay timeouts the bundle asks Node
// for while it decides. Node waits at least 1 ms for each, so each would cost every invocation
// that millisecond. Prints "ZERO_DELAY_TIMEOUTS <count> <decisions>".
const counted = globalThis.setTimeout;
let zeroDelay = 0;
globalThis.setTimeout = (callback, delay, ...args) => {
  if (!(delay > 0)) zeroDelay++;
  return counted(callback, delay, ...args);
};
const bundle = require(process.argv[2]);
const fs = require('node:fs');
const events = process.argv.slice(3).map(file => fs.readFileSync(file, 'utf8'));
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = () => true;
(async () => {
  let decisions = 0;
  for (let i = 0; i < 50; i++) {
    for (const event of events) {
      await bundle.handler(JSON.parse(event), {});
      decisions++;
    }
  }
  write('ZERO_DELAY_TIMEOUTS ' + zeroDelay + ' ' + decisions + '\n');
})();
