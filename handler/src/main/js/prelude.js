"use strict";
// Put before TeaVM's output to make the deployed index.js. TeaVM starts the green thread that
// runs each invocation with setTimeout(callback, 0), and Node waits at least 1 ms for that: every
// invocation would wait, and be billed, for nothing. Within this module a zero delay runs on
// the next turn of the event loop instead; timers with a delay are Node's own.
const setTimeout = (callback, delay, ...args) =>
  delay > 0 ? globalThis.setTimeout(callback, delay, ...args) : setImmediate(callback, ...args);
