package dev.registryedge.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** The programs the chain needs, or a failure that says how to install them. */
final class E2eTools {

    static final String INSTALL = "apt-get update && apt-get install -y docker-registry skopeo curl";

    private E2eTools() {}

    static String find(String name) {
        for (String directory : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(directory, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail(name + " is not installed; the end-to-end suite runs the real one. Install it with: " + INSTALL);
    }
}
