/**
 * Where a target's S3 API is reached, for both builds: its own endpoint, an override for tests
 * and local runs, or AWS, and whether the bucket goes in the path or the host name.
 */
package dev.registryedge.handler.endpoints;
