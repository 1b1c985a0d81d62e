/** Test support of the operators' tools shared with the it module: CloudFront standard log files as CloudFront writes them. */
package dev.registryedge.cli.testing;
