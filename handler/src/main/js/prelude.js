"use strict";
// Put before TeaVM's output to make the deployed index.js. TeaVM starts the green thread that
// runs each invocation with setTimeout(callback, 0), and Node waits at least 1 ms for that: every
// invocation would wait, and be billed, for nothing. Within this module a zero delay runs on
// the next turn of the event loop instead; timers with a delay are Node's own.
const setTimeout = (callback, delay, ...args) =>
  delay > 0 ? globalThis.setTimeout(callback, delay, ...args) : setImmediate(callback, ...args);
// Standard output, which TeaVM hands over in pieces: a decision line that carries metrics is
// written as it is, because CloudWatch extracts Embedded Metric Format only from a log event
// that is the JSON document alone, and Lambda's console methods put a timestamp, the request id
// and the level before it. Every other line goes through console.info, as TeaVM would send it.
let stdoutPending = "";
const $rt_putStdoutCustom = (text) => {
  stdoutPending += text;
  let end;
  while ((end = stdoutPending.indexOf("\n")) >= 0) {
    const line = stdoutPending.substring(0, end);
    stdoutPending = stdoutPending.substring(end + 1);
    if (line.startsWith('{"_aws":')) {
      process.stdout.write(line + "\n");
    } else {
      console.info(line);
    }
  }
};
