package dev.registryedge.handler.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.registryedge.handler.core.Clock;
import dev.registryedge.handler.core.PrintStreamDecisionLog;
import dev.registryedge.handler.endpoints.S3Endpoints;
import dev.registryedge.handler.generated.AwsRegionMap;
import dev.registryedge.handler.generated.RoutingTable;
import dev.registryedge.handler.jvm.AwsSettings;
import dev.registryedge.handler.jvm.LambdaHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * {@code invoke [--s3-endpoint URL] [--sts-endpoint URL] [FILE...]}: each file (or standard
 * input) holds one viewer-request event; one line of JSON per result goes to standard output
 * ({@code {"error": ...}} for an input that is not a JSON event), decision logs to standard error. {@code explain IP...}: the region, prefix and snapshot.
 */
public final class Main {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Signs when the environment has no credentials, so that decisions can still be shown. */
    static final AwsBasicCredentials PLACEHOLDER = AwsBasicCredentials.create("AKIDREGISTRYEDGELOCAL", "local-placeholder");

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return usage(err);
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        try {
            return switch (args[0]) {
                case "invoke" -> invoke(rest, in, out, err);
                case "explain" -> rest.isEmpty() ? usage(err) : explain(rest, out);
                default -> usage(err);
            };
        } catch (UsageException e) {
            err.println("registry-edge: " + e.getMessage());
            return usage(err);
        }
    }

    private static int usage(PrintStream err) {
        err.println("usage: java -jar registry-edge.jar invoke [--s3-endpoint URL|REGION=URL,...] [--sts-endpoint URL] [FILE...]");
        err.println("       java -jar registry-edge.jar explain IP...");
        return 2;
    }

    private static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private static int explain(List<String> addresses, PrintStream out) {
        int status = 0;
        for (String address : addresses) {
            String region = AwsRegionMap.regionOf(address);
            String prefix = AwsRegionMap.matchedPrefix(address);
            out.println(address + " " + (region == null ? "none" : region) + " " + (prefix == null ? "-" : prefix)
                    + " (ip-ranges.json syncToken " + AwsRegionMap.SYNC_TOKEN + ", createDate "
                    + AwsRegionMap.CREATE_DATE + ")");
            if (region == null) {
                status = 1;
            }
        }
        return status;
    }

    private static int invoke(List<String> arguments, InputStream in, PrintStream out, PrintStream err)
            throws UsageException {
        S3Endpoints s3Endpoints = S3Endpoints.NONE;
        URI stsEndpoint = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--s3-endpoint") || argument.equals("--sts-endpoint")) {
                if (i + 1 == arguments.size()) {
                    throw new UsageException(argument + " needs a URL");
                }
                String value = arguments.get(++i);
                if (argument.equals("--s3-endpoint")) {
                    s3Endpoints = S3Endpoints.parse(value);
                } else {
                    stsEndpoint = URI.create(value);
                }
            } else if (argument.startsWith("--")) {
                throw new UsageException("unknown option " + argument);
            } else {
                files.add(Path.of(argument));
            }
        }
        AwsSettings settings = new AwsSettings(credentials(err), s3Endpoints, stsEndpoint, RoutingTable.config(),
                Clock.SYSTEM);
        LambdaHandler handler = new LambdaHandler(LambdaHandler.router(settings,
                new PrintStreamDecisionLog(err)));
        int status = 0;
        if (files.isEmpty()) {
            status = invokeOne(handler, "standard input", in::readAllBytes, out, err);
        }
        for (Path file : files) {
            status = Math.max(status, invokeOne(handler, file.toString(), () -> Files.readAllBytes(file), out, err));
        }
        return status;
    }

    private interface Source {
        byte[] read() throws IOException;
    }

    private static int invokeOne(LambdaHandler handler, String name, Source source, PrintStream out,
            PrintStream err) {
        Map<String, Object> event;
        try {
            event = JSON.readValue(source.read(), new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            String problem = name + ": not a JSON event: " + e.getMessage();
            err.println("registry-edge: " + problem);
            // One line per input, so that results still line up with the files given.
            out.println(JSON.createObjectNode().put("error", problem));
            return 1;
        }
        try {
            out.println(JSON.writeValueAsString(handler.handleRequest(event, null)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a result map could not be written as JSON", e);
        }
        return 0;
    }

    /** The environment's credentials when it has any, else a placeholder (with a warning). */
    private static AwsCredentialsProvider credentials(PrintStream err) {
        AwsCredentialsProvider environment = AwsSettings.environmentCredentials();
        try {
            environment.resolveCredentials();
            return environment;
        } catch (RuntimeException none) {
            err.println("registry-edge: no AWS credentials in the environment; URLs are signed with a placeholder key"
                    + " and existence checks will be refused");
            return AwsCredentialsProviderChain.of(environment, StaticCredentialsProvider.create(PLACEHOLDER));
        }
    }
}
