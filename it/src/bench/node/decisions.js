// Benchmark of the deployed bundle as Lambda@Edge runs it: wall and CPU time per decision (p50,
// p99) for the paths that need no network call, and cold starts (require + first decision) in
// fresh processes. Prints one JSON object. Not part of the function.
// Usage: node decisions.js <index.js> <events dir> <cold-start.js, or - for no cold starts>
'use strict';
const http = require('node:http');
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');
const [, , bundlePath, eventsDir, coldStartJs] = process.argv;

const WARM_UP = 3000;
const MEASURED = 20000;
const COLD_STARTS = 15;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const load = name => fs.readFileSync(eventsDir + '/' + name, 'utf8');

// A local S3 API that holds every object, so that the replica path's one HeadObject succeeds and
// is then answered from the existence cache.
const s3 = http.createServer((request, response) => {
  response.writeHead(200, { 'content-length': 0 });
  response.end();
});

s3.listen(0, '127.0.0.1', async () => {
  const keys = { AWS_ACCESS_KEY_ID: 'AKIDBENCH', AWS_SECRET_ACCESS_KEY: 'secret', AWS_REGION: 'us-east-1' };
  Object.assign(process.env, keys, { REGISTRY_EDGE_S3_ENDPOINT: 'us-west-2=http://127.0.0.1:' + s3.address().port });
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = () => true; // the function's decision lines
  const bundle = require(bundlePath);
  const paths = {
    'pass through (client outside AWS)': 'appci-internet-blob.json',
    '307 to the bucket (presigned, no check)': 'appci-us-east-1-blob.json',
    '307 to the replica after a cached check': 'appci-us-west-2-blob.json',
  };
  const result = { node: process.version, decisions: {}, coldStart: {} };
  for (const [path, file] of Object.entries(paths)) {
    const text = load(file);
    for (let i = 0; i < WARM_UP; i++) {
      await bundle.handler(JSON.parse(text), {});
    }
    const wall = new Float64Array(MEASURED);
    const cpu = new Float64Array(MEASURED);
    for (let i = 0; i < MEASURED; i++) {
      const event = JSON.parse(text);
      const cpuBefore = process.cpuUsage();
      const started = process.hrtime.bigint();
      await bundle.handler(event, {});
      wall[i] = Number(process.hrtime.bigint() - started) / 1e3;
      const used = process.cpuUsage(cpuBefore);
      cpu[i] = used.user + used.system;
    }
    wall.sort();
    cpu.sort();
    result.decisions[path] = {
      wallMicrosP50: percentile(wall, 0.5), wallMicrosP99: percentile(wall, 0.99),
      cpuMicrosP50: percentile(cpu, 0.5), cpuMicrosP99: percentile(cpu, 0.99),
    };
  }
  for (const [path, file] of Object.entries(paths).slice(0, coldStartJs === '-' ? 0 : 2)) {
    const millis = [];
    for (let i = 0; i < COLD_STARTS; i++) {
      const output = execFileSync(process.execPath, [coldStartJs, bundlePath, eventsDir + '/' + file],
        { env: { ...keys, PATH: process.env.PATH }, encoding: 'utf8' });
      millis.push(Number(output.split('\n').find(line => line.startsWith('COLD ')).split(' ')[1]));
    }
    millis.sort((a, b) => a - b);
    result.coldStart[path] = { millisP50: percentile(millis, 0.5), millisMax: millis[millis.length - 1] };
  }
  s3.close();
  write(JSON.stringify(result) + '\n');
});
