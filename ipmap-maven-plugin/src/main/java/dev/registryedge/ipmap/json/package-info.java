/**
 * Reading JSON input files so that every problem is reported with the file, the JSON path and
 * the offending value, and all problems of a file are reported at once.
 */
package dev.registryedge.ipmap.json;
