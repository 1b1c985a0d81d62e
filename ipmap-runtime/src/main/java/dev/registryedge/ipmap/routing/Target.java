package dev.registryedge.ipmap.routing;

/**
 * An S3 or S3-compatible bucket a client can be redirected to.
 *
 * @param name the configuration's name for it, used in logs and the diagnostic header
 * @param bucket the bucket name
 * @param region the region to sign requests for
 * @param endpoint the endpoint URL, or {@code null} for the region's AWS endpoint
 * @param pathStyle whether the bucket goes in the path rather than the host name
 * @param checkExists whether to check that the object exists before redirecting (replicas lag
 *     behind and caches are partial; a distribution's own bucket holds every blob it serves)
 */
public record Target(String name, String bucket, String region, String endpoint, boolean pathStyle, boolean checkExists) {}
