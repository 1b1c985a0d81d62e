/**
 * The IAM policies a deployment needs, derived from the routing configuration: the function
 * role's trust and permission policies, and the policy of each role it assumes.
 */
package dev.registryedge.cli.policy;
