package dev.registryedge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package says what it is for, so that the folder names lead a newcomer. */
class PackageLayoutIT {

    @Test
    void everyMainPackageHasAPackageInfoWithADocComment() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String module : List.of("ipmap-runtime", "ipmap-maven-plugin", "handler")) {
            Path sources = Project.root().resolve(module).resolve("src/main/java");
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path directory : files.filter(Files::isDirectory).toList()) {
                    boolean hasClasses;
                    try (Stream<Path> entries = Files.list(directory)) {
                        hasClasses = entries.anyMatch(p -> p.toString().endsWith(".java"));
                    }
                    Path info = directory.resolve("package-info.java");
                    if (hasClasses && (!Files.exists(info) || !Files.readString(info).contains("/**"))) {
                        missing.add(Project.root().relativize(directory).toString());
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }
}
