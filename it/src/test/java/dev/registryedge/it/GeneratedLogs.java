package dev.registryedge.it;

import dev.registryedge.cli.testing.StandardLogs;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * A month of CloudFront standard logs for a registry, seeded so every run writes the same
 * bytes: clients in us-east-1 (IPv4 and IPv6), us-east-2, us-west-2 and outside AWS; blob GETs
 * (hits, misses, ranges, errors), the function's 307s, HEADs and manifest reads; hourly files
 * named as CloudFront names them. Used by the report page test and the report benchmark.
 */
public final class GeneratedLogs {

    private static final String[] CLIENTS = {"52.22.%d.%d", "52.21.%d.%d", "2600:1f18:4000::%x:%x", "3.12.%d.%d",
        "35.80.%d.%d", "203.0.113.%d"};
    /** Address patterns (three random parts) for many distinct clients: blocks of AWS, and carrier-grade NAT space. */
    private static final String[] MANY_CLIENTS = {"52.%d.%d.%d", "3.%d.%d.%d", "54.%d.%d.%d",
        "2600:1f18:%x:%x::%x", "100.%d.%d.%d", "35.%d.%d.%d"};
    private static final double[] CLIENT_WEIGHTS = {0.35, 0.15, 0.05, 0.15, 0.2, 0.1};
    private static final String[] EDGES = {"IAD89-C1", "IAD12-P3", "CMH68-P2", "SEA19-C2", "FRA56-P4"};
    private static final String[] AGENTS = {"containerd/v1.7.13", "docker/24.0.7 go/go1.20.10", "skopeo/1.13.3",
        "cri-o/1.28.1"};

    private GeneratedLogs() {}

    /**
     * Writes {@code days} days of hourly files per distribution, {@code linesPerFile} lines each.
     *
     * @return the number of request lines written
     */
    public static long write(Path dir, String[] distributions, LocalDate first, int days, int hoursPerDay,
            int linesPerFile, int distinctBlobs, long seed) throws IOException {
        return write(dir, distributions, first, days, hoursPerDay, linesPerFile, distinctBlobs, 0, seed);
    }

    /**
     * As above, with clients drawn from {@code distinctClients} addresses spread over AWS
     * regions and the internet (a CI fleet sees about a million a month); 0 for the few NAT
     * gateways of a farm.
     */
    public static long write(Path dir, String[] distributions, LocalDate first, int days, int hoursPerDay,
            int linesPerFile, int distinctBlobs, int distinctClients, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        String[] clients = new String[distinctClients];
        for (int i = 0; i < distinctClients; i++) {
            clients[i] = String.format(MANY_CLIENTS[i % MANY_CLIENTS.length], random.nextInt(256), random.nextInt(256),
                    random.nextInt(256));
        }
        long[] sizes = new long[distinctBlobs];
        String[] paths = new String[distinctBlobs];
        for (int i = 0; i < distinctBlobs; i++) {
            // Layers from a few KB to a few hundred MB, most of them small.
            sizes[i] = (long) Math.exp(8 + random.nextDouble() * 11);
            paths[i] = blobPath(random);
        }
        long lines = 0;
        for (String distribution : distributions) {
            for (int day = 0; day < days; day++) {
                String date = first.plusDays(day).toString();
                for (int hour = 0; hour < hoursPerDay; hour++) {
                    Path file = dir.resolve(String.format("%s.%s-%02d.%08x.gz", distribution, date, hour,
                            random.nextInt()));
                    try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(
                            Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
                        out.write("#Version: 1.0\n");
                        out.write(StandardLogs.FIELDS);
                        out.write('\n');
                        for (int i = 0; i < linesPerFile; i++) {
                            out.write(line(random, date, paths, sizes, clients));
                            out.write('\n');
                        }
                    }
                    lines += linesPerFile;
                }
            }
        }
        return lines;
    }

    private static String line(Random random, String date, String[] paths, long[] sizes, String[] clients) {
        // Popular blobs are pulled far more often (base layers).
        int blob = (int) Math.min(paths.length - 1, Math.abs(random.nextGaussian()) * paths.length / 3);
        String ip = clients.length == 0 ? client(random) : clients[random.nextInt(clients.length)];
        String edge = EDGES[ip.startsWith("35.80") ? 3 : ip.startsWith("203.") ? 4 : random.nextInt(3)];
        String agent = AGENTS[random.nextInt(AGENTS.length)];
        double kind = random.nextDouble();
        if (kind < 0.10) {
            return StandardLogs.line(date, edge, 350, ip, "HEAD", paths[blob], 200, agent, "Hit", sizes[blob], null);
        }
        if (kind < 0.20) {
            return StandardLogs.line(date, edge, 1200, ip, "GET", "/docker/registry/v2/repositories/ocp/release/"
                    + "_manifests/tags/4.16/current/link", 200, agent, "Miss", 71, null);
        }
        if (kind < 0.26) {
            return StandardLogs.line(date, edge, 610, ip, "GET", paths[blob], 307, agent, "LambdaGeneratedResponse", -1,
                    null);
        }
        if (kind < 0.29) {
            long end = Math.max(0, sizes[blob] / 2 - 1);
            return StandardLogs.line(date, edge, end + 1 + 400, ip, "GET", paths[blob], 206, agent, "Hit", end + 1,
                    "0 " + end);
        }
        if (kind < 0.30) {
            return StandardLogs.line(date, edge, 500, ip, "GET", paths[blob], 403, agent, "Error", 250, null);
        }
        return StandardLogs.line(date, edge, sizes[blob] + 420, ip, "GET", paths[blob], 200, agent,
                random.nextDouble() < 0.8 ? "Hit" : "Miss", sizes[blob], null);
    }

    private static String client(Random random) {
        double pick = random.nextDouble();
        int index = 0;
        for (double sum = CLIENT_WEIGHTS[0]; pick > sum && index < CLIENTS.length - 1; sum += CLIENT_WEIGHTS[++index]) {
            // walk the cumulative weights
        }
        // A farm's NAT gateways: few addresses per region.
        int a = random.nextInt(4);
        int b = random.nextInt(8) + 1;
        return String.format(CLIENTS[index], a, b);
    }

    private static String blobPath(Random random) {
        StringBuilder digest = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            digest.append(Character.forDigit(random.nextInt(16), 16));
        }
        return "/docker/registry/v2/blobs/sha256/" + digest.substring(0, 2) + "/" + digest + "/data";
    }

    /** {@code GeneratedLogs DIR DAYS HOURS LINES_PER_FILE [DISTINCT_CLIENTS]}: one busy distribution (app.ci). */
    public static void main(String[] args) throws IOException {
        long lines = write(Path.of(args[0]), new String[] {"E2KP8SMSY4XB67"}, LocalDate.of(2026, 10, 1),
                Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), 20_000,
                args.length > 4 ? Integer.parseInt(args[4]) : 0, 7);
        System.out.println(lines + " lines");
    }
}
