/**
 * {@code metrics}: what the function did across the fleet, from CloudWatch in every region and
 * account, as one table.
 */
package dev.registryedge.cli.metrics;
