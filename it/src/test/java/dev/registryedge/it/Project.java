package dev.registryedge.it;

import java.nio.file.Path;

/** Where the project's files are. */
final class Project {

    private Project() {}

    static Path root() {
        return Path.of(System.getProperty("registryedge.root", "..")).toAbsolutePath().normalize();
    }

    static Path handlerTarget() {
        return root().resolve("handler/target");
    }
}
