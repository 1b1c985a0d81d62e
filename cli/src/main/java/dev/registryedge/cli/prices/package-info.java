/**
 * The savings report's price table refreshed from AWS's public Price List: the bulk offer files
 * of CloudFront, S3 and Lambda read as streams, the figures the report uses taken out and
 * checked, and data/prices.json rewritten whole or not at all.
 */
package dev.registryedge.cli.prices;
