/** Plain-text output shared by the commands' tables. */
package dev.registryedge.cli.text;
