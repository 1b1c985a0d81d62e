package dev.registryedge.it;

import java.nio.file.Path;

/** Where the project's files are. */
final class Project {

    private Project() {}

    static Path root() {
        return Path.of(System.getProperty("registryedge.root", "..")).toAbsolutePath().normalize();
    }

    /** Where the function's zips are built. */
    static Path handlerTarget() {
        return root().resolve("handler/target");
    }

    /** The runnable command line, cli/target/registry-edge.jar. */
    static Path commandLineJar() {
        return root().resolve("cli/target/registry-edge.jar");
    }
}
