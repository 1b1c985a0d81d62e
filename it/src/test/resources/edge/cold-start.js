// Test harness, not part of the function: time from require() to the first decision.
const started = process.hrtime.bigint();
const bundle = require(process.argv[2]);
const event = JSON.parse(require('node:fs').readFileSync(process.argv[3], 'utf8'));
bundle.handler(event, {}).then(result => {
  const millis = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write('COLD ' + millis.toFixed(2) + ' ' + (result.status || 'pass') + '\n');
});
