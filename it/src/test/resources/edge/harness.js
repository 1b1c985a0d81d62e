// Test harness, not part of the function: loads the bundle and answers one JSON request per
// input line with one "RESULT <json>" line (the function's own logs also go to stdout).
// As Lambda's Node.js runtime does (text log format), every console line gets the time, the
// request id and the level in front; what is written to process.stdout stays as it is.
const format = require('node:util').format;
for (const [method, level] of [['log', 'INFO'], ['info', 'INFO'], ['warn', 'WARN'], ['error', 'ERROR']]) {
  console[method] = (...args) => process.stdout.write(
    new Date().toISOString() + '\tharness-request\t' + level + '\t' + format(...args) + '\n');
}
const bundle = require(process.argv[2]);
const lines = require('node:readline').createInterface({ input: process.stdin });
const queue = [];
let busy = false;
async function drain() {
  if (busy) return;
  busy = true;
  while (queue.length) {
    const request = JSON.parse(queue.shift());
    let result;
    if (request.op === 'handler') {
      result = await bundle.handler(request.event, {});
    } else {
      const a = request.args;
      result = bundle.presign(a.accessKeyId, a.secretAccessKey, a.sessionToken, a.region, a.endpoint, a.pathStyle,
        a.bucket, a.key, a.expiresSeconds, a.nowMillis);
    }
    process.stdout.write('RESULT ' + JSON.stringify(result === undefined ? null : result) + '\n');
  }
  busy = false;
}
lines.on('line', line => { queue.push(line); drain(); });
