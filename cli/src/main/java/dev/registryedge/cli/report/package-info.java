/**
 * The savings report: CloudFront standard logs replayed through the routing core, priced with a
 * checked-in table, summed per outcome, day, distribution and client region, and written as a
 * terminal summary, JSON and a self-contained HTML page.
 */
package dev.registryedge.cli.report;
