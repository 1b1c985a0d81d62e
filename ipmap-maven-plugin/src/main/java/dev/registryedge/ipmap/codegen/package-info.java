/**
 * Writing the Java sources of the generated region map and routing table with JavaPoet;
 * the same input always gives byte-identical output.
 */
package dev.registryedge.ipmap.codegen;
