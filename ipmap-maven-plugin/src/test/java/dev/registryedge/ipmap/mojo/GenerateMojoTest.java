package dev.registryedge.ipmap.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registryedge.ipmap.testing.Snapshots;
import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal's own handling of its parameters, as Maven would inject them. */
class GenerateMojoTest {

    @TempDir
    Path work;

    private final MavenProject project = new MavenProject();

    private GenerateMojo mojo(boolean refresh, String url, File snapshot) throws Exception {
        GenerateMojo mojo = new GenerateMojo();
        set(mojo, "snapshot", snapshot);
        set(mojo, "services", List.of("EC2"));
        set(mojo, "regions", List.of("*"));
        set(mojo, "ipv4", true);
        set(mojo, "ipv6", true);
        set(mojo, "packageName", "farm.ipmap");
        set(mojo, "mapClassName", "FarmRegions");
        set(mojo, "routingClassName", "FarmRouting");
        set(mojo, "outputDirectory", work.resolve("generated").toFile());
        set(mojo, "refresh", refresh);
        set(mojo, "url", url);
        set(mojo, "connectTimeoutSeconds", 1);
        set(mojo, "readTimeoutSeconds", 1);
        set(mojo, "staleAfterDays", 100_000);
        set(mojo, "project", project);
        return mojo;
    }

    /** Sets a parameter as Maven injects it, wherever in the goal's class hierarchy it is declared. */
    private static void set(Object target, String field, Object value) throws Exception {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field f = type.getDeclaredField(field);
                f.setAccessible(true);
                f.set(target, value);
                return;
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(field);
    }

    private File snapshot() throws Exception {
        return Files.writeString(work.resolve("ip-ranges.json"), Snapshots.document("1700000000",
                "2023-11-14-22-13-20", "52.20.0.0/14 us-east-1 EC2")).toFile();
    }

    private String failure(GenerateMojo mojo) {
        return assertThrows(MojoFailureException.class, mojo::execute).getMessage();
    }

    @Test
    void ignoresTheUrlWithoutRefresh() throws Exception {
        mojo(false, "::not a url", snapshot()).execute();
        assertEquals(List.of(work.resolve("generated").toString()), project.getCompileSourceRoots());
    }

    @Test
    void theTestGoalWritesIntoTheTestSourcesOnly() throws Exception {
        GenerateTestMojo mojo = new GenerateTestMojo();
        set(mojo, "snapshot", snapshot());
        set(mojo, "services", List.of("EC2"));
        set(mojo, "regions", List.of("*"));
        set(mojo, "packageName", "farm.fixture");
        set(mojo, "mapClassName", "FixtureRegions");
        set(mojo, "routingClassName", "FixtureRouting");
        set(mojo, "outputDirectory", work.resolve("generated-test").toFile());
        set(mojo, "project", project);
        mojo.execute();
        assertEquals(List.of(work.resolve("generated-test").toString()), project.getTestCompileSourceRoots());
        assertEquals(List.of(), project.getCompileSourceRoots());
        assertTrue(Files.isRegularFile(work.resolve("generated-test/farm/fixture/FixtureRegions.java")));
    }

    @Test
    void reportsABadPathAsAPathNotAsTheUrl() throws Exception {
        assertEquals("ipmap.snapshot: 'data/\0ip-ranges.json' is not a valid path: Nul character not allowed:"
                + " data/\0ip-ranges.json", failure(mojo(false, "https://ip-ranges.amazonaws.com/ip-ranges.json",
                        new File("data/\0ip-ranges.json"))));
    }

    @Test
    void refusesWhatIsNotAnHttpUrlWhenRefreshing() throws Exception {
        assertEquals("ipmap.url: 'http://[bad/ip-ranges.json' is not a URL: Expected closing bracket for IPv6 address at index 11:"
                + " http://[bad/ip-ranges.json", failure(mojo(true, "http://[bad/ip-ranges.json", snapshot())));
        assertEquals("ipmap.url: 'ftp://example.com/ip-ranges.json' is not an http:// or https:// URL with a host"
                + " (the default is https://ip-ranges.amazonaws.com/ip-ranges.json)",
                failure(mojo(true, "ftp://example.com/ip-ranges.json", snapshot())));
        assertEquals("ipmap.url: 'ip-ranges.json' is not an http:// or https:// URL with a host (the default is"
                + " https://ip-ranges.amazonaws.com/ip-ranges.json)", failure(mojo(true, "ip-ranges.json", snapshot())));
    }
}
