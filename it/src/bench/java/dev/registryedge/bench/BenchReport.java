package dev.registryedge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * Turns the JMH results into docs/performance.md, adding what JMH cannot measure: the original
 * Python lookup, the deployed Node.js build, cold starts of whole processes, the savings report
 * against zcat, and artifact sizes. The page is this run's figures with the machine they were
 * measured on; nobody edits it by hand. Arguments: the project root and the output directory
 * (which also gets report.md, the same tables, and the raw results).
 */
public final class BenchReport {

    private final Path root;
    private final Path out;
    private final Map<String, JsonNode> results = new HashMap<>();
    private final StringBuilder report = new StringBuilder();

    private BenchReport(Path root, Path out) {
        this.root = root;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        Files.copy(root.resolve("it/target/jmh.json"), out.resolve("jmh.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        new BenchReport(root, out).write();
    }

    private void write() throws Exception {
        for (JsonNode result : new ObjectMapper().readTree(out.resolve("jmh.json").toFile())) {
            String name = result.get("benchmark").asText();
            results.put(name.substring(name.lastIndexOf('.') + 1), result.get("primaryMetric"));
        }
        line("# Performance");
        line("");
        line("<!-- Written by `mvn -Pbench verify` (it/src/bench/java/dev/registryedge/bench/BenchReport.java)"
                + " from its own run: do not edit by hand. -->");
        line("");
        line("For contributors and for anyone weighing the function's cost: what one run of the benchmarks"
                + " measured, and on what.");
        line("");
        line("- date: " + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + " (UTC)");
        line("- machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), "
                + memoryGib() + " GiB of memory");
        line("- JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        line("- Node.js: the `node` the tests use (named in the Node.js table below)");
        line("- JMH: 1 fork, 3 x 1 s warm-up, 5 x 1 s measurement; the same 4,096 seeded addresses for every"
                + " method. The alternatives are implemented in the benchmark sources (it/src/bench), each parsing"
                + " literals the way its ecosystem does. On a shared machine the competitors' figures move by up to"
                + " about 30 % from run to run.");
        line("");
        lookups();
        decisions();
        nodeDecisions();
        nodeMetricLines();
        coldStarts();
        reportThroughput();
        sizes();
        Files.writeString(out.resolve("report.md"), report);
        Path page = root.resolve("docs/performance.md");
        Path partial = page.resolveSibling("performance.md.partial");
        Files.writeString(partial, report);
        Files.move(partial, page, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println(report);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("CPU model unknown");
        } catch (IOException unreadable) {
            return "CPU model unknown";
        }
    }

    private static long memoryGib() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) >> 20).findFirst().orElse(0L);
        } catch (IOException unreadable) {
            return 0;
        }
    }

    private void line(String text) {
        report.append(text).append('\n');
    }

    private double ns(String benchmark) {
        JsonNode metric = results.get(benchmark);
        return metric == null ? Double.NaN : metric.get("score").asDouble();
    }

    private void lookups() throws Exception {
        double limit = ns("limitIpv4Parsed");
        line("## Address lookup (ns per lookup; ratio = theirs / ours)");
        line("");
        line("| method | IPv4 pre-parsed | IPv4 literal | IPv6 literal |");
        line("| --- | --- | --- | --- |");
        row("**ours** (generated map)", "oursIpv4Parsed", "oursIpv4Literal", "oursIpv6Literal");
        line(String.format("| bare binary search over int[] (the limit) | %.1f | | |", limit));
        row("original: per-region search, us-* regions", "originalUsIpv4Parsed", "originalUsIpv4Literal", null);
        row("original: per-region search, all regions", null, "originalAllIpv4Literal", null);
        row("registry middleware: linear scan", null, "linearIpv4Literal", "linearIpv6Literal");
        row("IPAddress associative trie", "trieIpv4Parsed", "trieIpv4Literal", "trieIpv6Literal");
        row("Guava TreeRangeMap", "guavaIpv4Parsed", "guavaIpv4Literal", "guavaIpv6Literal");
        double python = python();
        line(String.format("| original, CPython %s (ipaddress + bisect, us-*) | | %.0f (%.0fx) | |", pythonVersion(),
                python, python / ns("oursIpv4Literal")));
        line("");
        double ours = ns("oursIpv4Parsed");
        double literal = ns("oursIpv4Literal");
        double v6 = ns("oursIpv6Literal");
        line("Targets (ratios in this run):");
        target("pre-parsed IPv4 within 1.25x of the limit", ours / limit, 1.25, true);
        target("IPv4 literal at most 2.5x the limit", literal / limit, 2.5, true);
        target("IPv6 literal at most 5x the limit", v6 / limit, 5, true);
        target("literal 2x faster than the per-region method over us-*", ns("originalUsIpv4Literal") / literal, 2, false);
        target("literal 8x faster than the per-region method over all regions", ns("originalAllIpv4Literal") / literal, 8,
                false);
        target("literal 8x faster than the linear scan", ns("linearIpv4Literal") / literal, 8, false);
        target("literal 8x faster than the IPAddress trie", ns("trieIpv4Literal") / literal, 8, false);
        target("literal 2.5x faster than Guava", ns("guavaIpv4Literal") / literal, 2.5, false);
        line("");
    }

    private void target(String what, double ratio, double bound, boolean atMost) {
        boolean met = atMost ? ratio <= bound : ratio >= bound;
        line(String.format("- %s: %.2fx — %s", what, ratio, met ? "met" : "**not met**"));
    }

    private void row(String name, String parsed, String literal, String ipv6) {
        line("| " + name + " | " + cell(parsed, "oursIpv4Parsed") + " | " + cell(literal, "oursIpv4Literal") + " | "
                + cell(ipv6, "oursIpv6Literal") + " |");
    }

    private String cell(String benchmark, String ours) {
        if (benchmark == null) {
            return "";
        }
        double value = ns(benchmark);
        return benchmark.startsWith("ours") ? String.format("%.1f", value)
                : String.format("%.1f (%.1fx)", value, value / ns(ours));
    }

    private double python() throws Exception {
        Path addresses = out.resolve("ipv4-addresses.txt");
        Files.write(addresses, List.of(new Addresses(Snapshot.checkedIn()).ipv4Literals));
        String output = run(List.of("python3", root.resolve("it/src/bench/python/original_lookup.py").toString(),
                root.resolve("data/ip-ranges.json").toString(), addresses.toString()), Map.of());
        return Double.parseDouble(output.trim());
    }

    private String pythonVersion() throws Exception {
        return run(List.of("python3", "--version"), Map.of()).trim().replace("Python ", "");
    }

    private void decisions() {
        line("## Decisions of the JVM handler (µs, JMH sample mode)");
        line("");
        line("| path | p50 | p99 |");
        line("| --- | --- | --- |");
        for (String[] benchmark : new String[][] {{"passThroughOutsideAws", "pass through (client outside AWS)"},
            {"redirectWithSdkPresigner", "307 to the bucket, presigned by the AWS SDK"},
            {"redirectWithPlainSigV4", "307 to the bucket, presigned by the plain-Java SigV4 of the Node build"}}) {
            JsonNode metric = results.get(benchmark[0]);
            if (metric != null) {
                line(String.format("| %s | %.1f | %.1f |", benchmark[1], metric.get("scorePercentiles").get("50.0").asDouble(),
                        metric.get("scorePercentiles").get("99.0").asDouble()));
            }
        }
        line("");
    }

    /** The node the build prepared for the tests (a Lambda@Edge runtime), else the one on PATH. */
    private String node() {
        Path prepared = root.resolve("it/target/node/bin/node");
        return Files.isExecutable(prepared) ? prepared.toString() : "node";
    }

    /** The deployed bundle on Node, the build that runs at the edge: see src/bench/node/decisions.js. */
    private void nodeDecisions() throws Exception {
        String output = run(List.of(node(), root.resolve("it/src/bench/node/decisions.js").toString(),
                root.resolve("handler/target/edge-function/index.js").toString(), root.resolve("data/events").toString(),
                root.resolve("it/src/test/resources/edge/cold-start.js").toString()), Map.of());
        JsonNode result = new ObjectMapper().readTree(output.lines().filter(l -> l.startsWith("{")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no result from decisions.js:\n" + output)));
        Files.writeString(out.resolve("node.json"), result.toString());
        line("## Decisions of the deployed Node.js build (" + result.get("node").asText()
                + "; µs per invocation of `handler`, 20,000 after 3,000 of warm-up)");
        line("");
        line("| path | wall p50 | wall p99 | CPU p50 | CPU p99 |");
        line("| --- | --- | --- | --- | --- |");
        double worstWallP99 = 0;
        double worstCpuP50 = 0;
        var paths = result.get("decisions").fields();
        while (paths.hasNext()) {
            var path = paths.next();
            JsonNode m = path.getValue();
            line(String.format("| %s | %.0f | %.0f | %.0f | %.0f |", path.getKey(), m.get("wallMicrosP50").asDouble(),
                    m.get("wallMicrosP99").asDouble(), m.get("cpuMicrosP50").asDouble(), m.get("cpuMicrosP99").asDouble()));
            worstWallP99 = Math.max(worstWallP99, m.get("wallMicrosP99").asDouble());
            worstCpuP50 = Math.max(worstCpuP50, m.get("cpuMicrosP50").asDouble());
        }
        line("");
        double coldP50 = 0;
        var colds = result.get("coldStart").fields();
        while (colds.hasNext()) {
            var cold = colds.next();
            line(String.format("- cold start, %s: p50 %.1f ms, max %.1f ms (15 fresh processes)", cold.getKey(),
                    cold.getValue().get("millisP50").asDouble(), cold.getValue().get("millisMax").asDouble()));
            coldP50 = Math.max(coldP50, cold.getValue().get("millisP50").asDouble());
        }
        line("");
        line("Targets (this run):");
        line(String.format("- decisions without a network call within 300 µs wall at p99: worst %.0f µs — %s",
                worstWallP99, worstWallP99 <= 300 ? "met" : "**not met**"));
        line(String.format("- and within 50 µs of CPU at p50: worst %.0f µs — %s", worstCpuP50,
                worstCpuP50 <= 50 ? "met" : "**not met**"));
        line(String.format("- cold start under 100 ms: worst p50 %.1f ms — %s", coldP50, coldP50 < 100 ? "met"
                : "**not met**"));
        line("");
    }

    private void coldStarts() throws Exception {
        Path jar = root.resolve("cli/target/registry-edge.jar");
        Path direct = root.resolve("data/events/appci-us-east-1-blob.json");
        Path outside = root.resolve("data/events/appci-internet-blob.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, String> keys = Map.of("AWS_ACCESS_KEY_ID", "AKIDBENCH", "AWS_SECRET_ACCESS_KEY", "secret");
        line("## Cold start: a fresh process to its first decision (median of 7)");
        line("");
        line("| build | pass through | 307 with presigned URL |");
        line("| --- | --- | --- |");
        line(String.format("| JVM (`java -jar registry-edge.jar invoke`, whole process) | %.0f ms | %.0f ms |",
                median(() -> timeProcess(List.of(java, "-jar", jar.toString(), "invoke", outside.toString()), keys)),
                median(() -> timeProcess(List.of(java, "-jar", jar.toString(), "invoke", direct.toString()), keys))));
        line(String.format("| JVM with `-XX:TieredStopAtLevel=1` | %.0f ms | %.0f ms |",
                median(() -> timeProcess(List.of(java, "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "invoke",
                        outside.toString()), keys)),
                median(() -> timeProcess(List.of(java, "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "invoke",
                        direct.toString()), keys))));
        Path harness = root.resolve("it/src/test/resources/edge/cold-start.js");
        Path index = root.resolve("handler/target/edge-function/index.js");
        line(String.format("| Node.js (`require` + first decision, measured inside `node`) | %.1f ms | %.1f ms |",
                median(() -> nodeColdStart(harness, index, outside, keys)),
                median(() -> nodeColdStart(harness, index, direct, keys))));
        line("");
    }

    private interface Measurement {
        double take() throws Exception;
    }

    private static double median(Measurement measurement) throws Exception {
        double[] values = new double[7];
        for (int i = 0; i < values.length; i++) {
            values[i] = measurement.take();
        }
        Arrays.sort(values);
        return values[values.length / 2];
    }

    private double timeProcess(List<String> command, Map<String, String> environment) throws Exception {
        long started = System.nanoTime();
        run(command, environment);
        return (System.nanoTime() - started) / 1e6;
    }

    private double nodeColdStart(Path harness, Path index, Path event, Map<String, String> environment) throws Exception {
        String output = run(List.of(node(), harness.toString(), index.toString(), event.toString()), environment);
        String line = output.lines().filter(l -> l.startsWith("COLD ")).findFirst().orElseThrow();
        return Double.parseDouble(line.split(" ")[1]);
    }

    /** A whole run of the report: its best time of three and the peak resident memory of that run. */
    private record Timed(double seconds, long peakKb) {}

    /**
     * The savings report over a generated month of one busy distribution, once with the few
     * addresses of a farm's NAT gateways and once with a million distinct client addresses, side
     * by side with two {@code zcat} processes over the same files (each half of them:
     * decompression is the floor), three runs each, the best kept; peak memory from the report
     * process's VmHWM. Then the hostile inputs, each as a ratio to a control input of the same
     * size read in the same run.
     */
    private void reportThroughput() throws Exception {
        int linesPerFile = 8_000;
        long lines = 30L * 24 * linesPerFile;
        line("## The savings report (a month of one busy distribution)");
        line("");
        line(String.format("%,d lines in 720 hourly files a corpus, generated by `GeneratedLogs`; best of 3 runs,"
                + " on %d cores; peak resident memory of the report process.", lines,
                Runtime.getRuntime().availableProcessors()));
        line("");
        line("| clients | MB compressed | two `zcat` processes (the floor), s | `java -jar registry-edge.jar report`, s"
                + " | lines per second | ratio to the floor | peak resident |");
        line("| --- | --- | --- | --- | --- | --- | --- |");
        double worst = 0;
        for (int clients : new int[] {0, 1_000_000}) {
            Path logs = out.resolve(clients == 0 ? "month-of-logs" : "month-of-logs-many-clients");
            if (!Files.isDirectory(logs)) {
                dev.registryedge.it.GeneratedLogs.write(logs, new String[] {"E2KP8SMSY4XB67"},
                        java.time.LocalDate.of(2026, 10, 1), 30, 24, linesPerFile, 20_000, clients, 7);
            }
            List<String> files;
            try (var list = Files.list(logs)) {
                files = list.map(Path::toString).sorted().toList();
            }
            long bytes = 0;
            for (String file : files) {
                bytes += Files.size(Path.of(file));
            }
            double zcat = zcat(files);
            Timed report = report(logs);
            worst = Math.max(worst, report.seconds() / zcat);
            line(String.format("| %s | %,d | %.2f | %.2f | %,.0f | %.2fx | %,d MB |", clients == 0
                    ? "a farm's NAT gateways (24 addresses in 4 places)" : String.format("%,d distinct addresses",
                            clients), bytes >> 20, zcat, report.seconds(), lines / report.seconds(),
                    report.seconds() / zcat, report.peakKb() >> 10));
        }
        line("");
        line(String.format("Target: no more than 1.5x the two `zcat` processes on both: worst %.2fx — %s", worst,
                worst <= 1.5 ? "met" : "**not met**"));
        line("");
        hostileLogs();
    }

    /**
     * What clients can put in a log, read beside a control of the same number of lines: blob
     * paths for made-up digests that differ only in the bytes a weak hash skipped (from the
     * digest's start up to its last 24 bytes but the 8 in the middle), answered 404 as any client
     * can have them, against made-up digests that differ everywhere; and a line of 100 MB among
     * the control's lines against the control alone.
     */
    private void hostileLogs() throws Exception {
        int count = 1_000_000;
        Path dir = out.resolve("hostile-logs");
        Map<String, Path> inputs = new java.util.LinkedHashMap<>();
        java.util.Random random = new java.util.Random(11);
        java.util.function.IntFunction<String> madeUp = i -> blobPath(String.format("%016x%016x%016x%016x",
                random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()));
        inputs.put("control", hostile(dir.resolve("control"), count, madeUp, false));
        inputs.put("flood", hostile(dir.resolve("flood"), count, i -> blobPath(String.format("%014x", i)
                + "0".repeat(50)), false));
        inputs.put("long line", hostile(dir.resolve("long-line"), count, madeUp, true));
        line("### Hostile logs (each against the control, " + String.format("%,d", count) + " lines)");
        line("");
        line("| input | seconds | ratio to the control | peak resident |");
        line("| --- | --- | --- | --- |");
        double control = 0;
        for (Map.Entry<String, Path> input : inputs.entrySet()) {
            Timed timed = report(input.getValue());
            if (control == 0) {
                control = timed.seconds();
            }
            line(String.format("| %s | %.2f | %.2fx | %,d MB |", input.getKey(), timed.seconds(),
                    timed.seconds() / control, timed.peakKb() >> 10));
        }
        line("");
        line("The control is blob GETs for made-up digests, answered 404 (any client can send them); the flood,"
                + " digests that differ only in their first 14 characters, the bytes a weak hash of the path's"
                + " length, last 24 and middle 8 bytes would not see; the long line, one line of 100 MB among the"
                + " control's lines.");
        line("");
    }

    private static String blobPath(String digest) {
        return "/docker/registry/v2/blobs/sha256/" + digest.substring(0, 2) + "/" + digest + "/data";
    }

    private static Path hostile(Path dir, int count, java.util.function.IntFunction<String> path, boolean longLine)
            throws IOException {
        Path file = dir.resolve("E2KP8SMSY4XB67.2026-10-01-00.hostile.gz");
        if (Files.exists(file)) {
            return dir;
        }
        Files.createDirectories(dir);
        try (var writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(new GZIPOutputStream(
                Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            writer.write("#Version: 1.0\n" + dev.registryedge.cli.testing.StandardLogs.FIELDS + "\n");
            for (int i = 0; i < count; i++) {
                if (longLine && i == count / 2) {
                    char[] chunk = new char[1 << 20];
                    java.util.Arrays.fill(chunk, 'a');
                    for (int mb = 0; mb < 100; mb++) {
                        writer.write(chunk);
                    }
                    writer.write('\n');
                }
                writer.write(dev.registryedge.cli.testing.StandardLogs.line("2026-10-01", "IAD89-C1", 500,
                        "52.22.255.189", "GET", path.apply(i), 404, "docker", "Error", 250, null));
                writer.write('\n');
            }
        }
        return dir;
    }

    private static double zcat(List<String> files) throws Exception {
        double best = Double.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long started = System.nanoTime();
            List<Process> halves = new java.util.ArrayList<>();
            for (List<String> half : List.of(files.subList(0, files.size() / 2), files.subList(files.size() / 2,
                    files.size()))) {
                List<String> command = new java.util.ArrayList<>(List.of("zcat"));
                command.addAll(half);
                halves.add(new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
            }
            for (Process half : halves) {
                half.waitFor();
            }
            best = Math.min(best, (System.nanoTime() - started) / 1e9);
        }
        return best;
    }

    private Timed report(Path logs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Timed best = new Timed(Double.MAX_VALUE, 0);
        for (int run = 0; run < 3; run++) {
            long started = System.nanoTime();
            Process process = new ProcessBuilder(java, "-jar", root.resolve("cli/target/registry-edge.jar")
                    .toString(), "report", logs.toString(), "--json", out.resolve("report-run.json").toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Path status = Path.of("/proc/" + process.pid() + "/status");
            long peak = 0;
            while (process.isAlive()) {
                try {
                    for (String entry : Files.readAllLines(status)) {
                        if (entry.startsWith("VmHWM:")) {
                            peak = Math.max(peak, Long.parseLong(entry.replaceAll("[^0-9]", "")));
                        }
                    }
                } catch (IOException gone) {
                    break;
                }
                Thread.sleep(20);
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException("the report failed on " + logs);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (seconds < best.seconds()) {
                best = new Timed(seconds, peak);
            }
        }
        return best;
    }

    private void sizes() throws Exception {
        line("## Sizes");
        line("");
        line("| artifact | bytes | gzip -9 |");
        line("| --- | --- | --- |");
        for (String file : new String[] {"handler/target/edge-function.zip", "handler/target/edge-function/index.js",
            "handler/target/registry-edge-lambda.zip", "cli/target/registry-edge.jar",
            "handler/target/classes/dev/registryedge/handler/generated/AwsRegionMap.class"}) {
            byte[] content = Files.readAllBytes(root.resolve(file));
            ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped) {
                {
                    def.setLevel(9);
                }
            }) {
                gzip.write(content);
            }
            line(String.format("| `%s` | %,d | %,d |", file, content.length, gzipped.size()));
        }
    }

    /**
     * What writing each decision line as an Embedded Metric Format document costs the Node build:
     * the test bundle with the deployed configuration, with metrics and without, seven runs each,
     * alternating; the median of each path's CPU p50 (a shared machine moves single runs by 20 µs and more).
     */
    private void nodeMetricLines() throws Exception {
        Path bundle = root.resolve("it/target/test-bundle/index.js");
        Map<String, Map<String, List<Double>>> runs = new java.util.LinkedHashMap<>();
        for (int run = 0; run < 7; run++) {
            for (String routing : List.of("deployed", "deployed-metrics-off")) {
                String output = run(List.of(node(), root.resolve("it/src/bench/node/decisions.js").toString(),
                        bundle.toString(), root.resolve("data/events").toString(), "-"),
                        Map.of("REGISTRY_EDGE_TEST_ROUTING", routing));
                JsonNode result = new ObjectMapper().readTree(output.lines().filter(l -> l.startsWith("{")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no result from decisions.js:\n" + output)));
                result.get("decisions").fields().forEachRemaining(path -> runs.computeIfAbsent(path.getKey(),
                        k -> new java.util.HashMap<>()).computeIfAbsent(routing, k -> new ArrayList<>())
                        .add(path.getValue().get("cpuMicrosP50").asDouble()));
            }
        }
        line("## What the metric lines cost the Node.js build (CPU µs p50 per decision, median of 7 runs each, alternating)");
        line("");
        line("| path | with metrics | without | difference |");
        line("| --- | --- | --- | --- |");
        double worst = Double.NEGATIVE_INFINITY;
        for (var path : runs.entrySet()) {
            double with = median(path.getValue().get("deployed"));
            double without = median(path.getValue().get("deployed-metrics-off"));
            worst = Math.max(worst, with - without);
            line(String.format("| %s | %.0f | %.0f | %+.0f |", path.getKey(), with, without, with - without));
        }
        line("");
        line(String.format("- the metric lines add at most 5 µs of CPU per decision at p50: worst %+.0f µs — %s", worst,
                worst <= 5 ? "met" : "**not met**"));
        line("");
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private String run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
