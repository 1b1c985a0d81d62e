/**
 * Stand-ins for AWS APIs that have no local implementation, for tests only: the Lambda API
 * (REST-JSON), the CloudFront API (REST-XML) and Secrets Manager's GetSecretValue (JSON 1.1),
 * each on a {@link dev.registryedge.standins.LoopbackServer} bound to 127.0.0.1, and each
 * refusing a request whose SigV4 signature {@link dev.registryedge.standins.SigV4Verifier} does
 * not recompute with the JDK's own HMAC. S3 is not here: the tests use S3Proxy for it.
 */
package dev.registryedge.standins;
