/**
 * A deploy that stops itself: the new version goes to a few canary distributions first, their
 * metrics are watched for a bake time against the hour before, and the rest of the fleet follows
 * only when the canaries stayed within the thresholds; otherwise the canaries are rolled back.
 * {@link dev.registryedge.cli.canary.CanaryJudge} compares figures and is free of AWS calls;
 * {@link dev.registryedge.cli.canary.CanaryRollout} runs the steps.
 */
package dev.registryedge.cli.canary;
