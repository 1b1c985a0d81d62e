/**
 * Benchmarks: the generated map against the ways others map an address to a region, the
 * decision path, cold starts and sizes, summarised by {@link dev.registryedge.bench.BenchReport}.
 */
package dev.registryedge.bench;
