package dev.registryedge.handler.deploy;

import dev.registryedge.ipmap.routing.Distribution;
import dev.registryedge.ipmap.routing.RoutingConfig;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.GetDistributionResponse;
import software.amazon.awssdk.services.cloudfront.model.LambdaFunctionAssociation;
import software.amazon.awssdk.services.cloudfront.model.PreconditionFailedException;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import software.amazon.awssdk.services.cloudfront.model.UpdateDistributionResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * deploy, disable, enable and rollback: each reads every distribution first (and stops before any
 * write when one is missing or has no blob behaviour), then moves the blob behaviour's
 * viewer-request association one distribution at a time, with the ETag it read; a concurrent
 * change is read again and retried. A distribution that fails is reported and the others go on.
 * Running a command twice changes nothing the second time; interrupting one leaves every
 * distribution either as it was or as asked.
 *
 * <p>What an association pointed at before a change is kept as a tag on the distribution
 * ({@value #PREVIOUS_TAG} for rollback, {@value #DISABLED_TAG} for enable), so that another
 * operator, or another machine, can undo it.
 */
public final class EdgeOperations {

    /** The version a deploy or rollback replaced: what rollback goes back to. */
    public static final String PREVIOUS_TAG = "registry-edge:previous-viewer-request";
    /** The association disable removed: what enable puts back. */
    public static final String DISABLED_TAG = "registry-edge:disabled-viewer-request";
    /** Lambda@Edge's limit for a viewer-request function's zip. */
    public static final long VIEWER_REQUEST_ZIP_LIMIT = 1024 * 1024;

    private static final int ATTEMPTS = 5;

    /**
     * How the commands run.
     *
     * @param function the function's name or us-east-1 ARN
     * @param dryRun read and print what would change, write nothing
     * @param waitForDeployed after changing distributions, wait until CloudFront reports them Deployed
     */
    public record Settings(String function, boolean dryRun, boolean waitForDeployed, Duration pollInterval,
            Duration waitTimeout) {}

    /** What creating the function takes, when it does not exist yet. */
    public record NewFunction(String roleArn, String runtime) {}

    /** What the function is to be associated with; {@code includeBody} as CloudFront has it. */
    private record Wanted(String arn, boolean includeBody) {
        static Optional<Wanted> of(Optional<LambdaFunctionAssociation> association) {
            return association.map(a -> new Wanted(a.lambdaFunctionARN(), Boolean.TRUE.equals(a.includeBody())));
        }

        /** As kept in a tag: the ARN, then {@code includeBody} when set (tag values allow no JSON). */
        String tagValue() {
            return includeBody ? arn + " includeBody" : arn;
        }

        static Wanted ofTag(String value) {
            String[] parts = value.split(" ");
            return new Wanted(parts[0], parts.length > 1 && parts[1].equals("includeBody"));
        }
    }

    /** A distribution as read just now: its configuration, the ETag to change it with, its state. */
    private record Seen(String id, String name, String arn, String eTag, DistributionConfig config, String status) {
        static Seen of(String name, GetDistributionResponse read) {
            var d = read.distribution();
            return new Seen(d.id(), name, d.arn(), read.eTag(), d.distributionConfig(), d.status());
        }

        String label() {
            return id + " (" + name + ")";
        }
    }

    /** A command's wish for one distribution, given what is associated now; empty removes it. */
    private interface Plan {
        Optional<Wanted> wanted(Seen seen, Optional<Wanted> now);
    }

    /** A distribution a command will not change, with the reason. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final LambdaClient lambda;
    private final CloudFrontClient cloudFront;
    private final RoutingConfig config;
    private final Settings settings;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param out one line per distribution and result, for people and scripts
     * @param err progress and problems
     */
    public EdgeOperations(LambdaClient lambda, CloudFrontClient cloudFront, RoutingConfig config, Settings settings,
            PrintStream out, PrintStream err) {
        this.lambda = lambda;
        this.cloudFront = cloudFront;
        this.config = config;
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    /**
     * Uploads the zip when no published version has its code, publishes it, and associates that
     * version with every distribution. Exit code 0 when every distribution is done (and Deployed,
     * when waiting), 1 otherwise.
     *
     * @param description the version's description: what map and configuration it carries
     * @param creation how to create the function when it does not exist; empty to refuse
     */
    public int deploy(LocalZip zip, String description, Optional<NewFunction> creation, List<String> named) {
        Optional<List<Seen>> distributions = resolve(named, true);
        if (distributions.isEmpty()) {
            return 1;
        }
        String version;
        try {
            version = publishedVersion(zip, description, creation);
        } catch (Refused | SdkException e) {
            err.println("registry-edge: " + message(e));
            err.println("registry-edge: no distribution changed");
            return 1;
        }
        return apply(distributions.get(), (seen, now) -> Optional.of(new Wanted(version, false)), PREVIOUS_TAG);
    }

    /** Removes the association: CloudFront then serves every blob itself. */
    public int disable(List<String> named) {
        Optional<List<Seen>> distributions = resolve(named, true);
        if (distributions.isEmpty()) {
            return 1;
        }
        int status = apply(distributions.get(), (seen, now) -> Optional.empty(), DISABLED_TAG);
        if (!settings.dryRun()) {
            out.println("disabled: CloudFront serves blobs itself wherever the change is deployed; `enable` undoes it");
        }
        return status;
    }

    /**
     * Puts back what disable removed (from its tag), or the given version when the tag is missing.
     *
     * @param version a published version number to associate instead of the recorded one
     */
    public int enable(List<String> named, Optional<String> version) {
        Optional<List<Seen>> distributions = resolve(named, true);
        if (distributions.isEmpty()) {
            return 1;
        }
        Optional<String> versionArn;
        try {
            versionArn = version.map(v -> lambda.getFunctionConfiguration(b -> b.functionName(settings.function())
                    .qualifier(v)).functionArn());
        } catch (SdkException e) {
            err.println("registry-edge: version " + version.get() + " of " + settings.function() + ": " + message(e));
            return 1;
        }
        return apply(distributions.get(), (seen, now) -> {
            if (now.isPresent()) {
                return now;
            }
            if (versionArn.isPresent()) {
                return Optional.of(new Wanted(versionArn.get(), false));
            }
            return Optional.of(recorded(seen, DISABLED_TAG).orElseThrow(() -> new Refused("no association recorded by"
                    + " disable (tag " + DISABLED_TAG + "); name one with --function-version N")));
        }, null);
    }

    /** Associates the version the last deploy or rollback replaced (a second rollback undoes the first). */
    public int rollback(List<String> named) {
        Optional<List<Seen>> distributions = resolve(named, true);
        if (distributions.isEmpty()) {
            return 1;
        }
        return apply(distributions.get(), (seen, now) -> {
            if (now.isEmpty()) {
                throw new Refused("the function is disabled here; `enable` it first");
            }
            Wanted previous = recorded(seen, PREVIOUS_TAG).orElseThrow(() -> new Refused(
                    "no previous version recorded (tag " + PREVIOUS_TAG + "; deploy records the version it replaces)"));
            return Optional.of(new Wanted(previous.arn(), now.get().includeBody()));
        }, PREVIOUS_TAG);
    }

    /** Per distribution: the associated version, whether its code is the local zip's, CloudFront's state. */
    public int status(Optional<LocalZip> zip, List<String> named, StatusTable table) {
        Optional<List<Seen>> distributions = resolve(named, false);
        if (distributions.isEmpty()) {
            return 1;
        }
        Map<String, Optional<FunctionConfiguration>> versions = new LinkedHashMap<>();
        for (Seen seen : distributions.get()) {
            Optional<Wanted> now = Wanted.of(BlobBehaviour.viewerRequest(seen.config()));
            Optional<FunctionConfiguration> version = now.flatMap(w -> versions.computeIfAbsent(w.arn(), arn -> {
                try {
                    return Optional.of(lambda.getFunction(b -> b.functionName(arn)).configuration());
                } catch (SdkException e) {
                    err.println("registry-edge: " + FunctionArns.shortName(arn) + ": " + message(e));
                    return Optional.empty();
                }
            }));
            table.add(seen.id(), seen.name(), BlobBehaviour.find(seen.config()).isPresent(),
                    now.map(Wanted::arn), version, zip, seen.status());
        }
        table.print(out);
        return 0;
    }

    /** The newest published version holding the zip's code, uploading and publishing when there is none. */
    private String publishedVersion(LocalZip zip, String description, Optional<NewFunction> creation) {
        FunctionConfiguration latest;
        try {
            latest = lambda.getFunction(b -> b.functionName(settings.function())).configuration();
        } catch (ResourceNotFoundException absent) {
            latest = null;
        }
        if (latest == null) {
            NewFunction function = creation.orElseThrow(() -> new Refused("function " + settings.function()
                    + " does not exist in us-east-1: give --role ARN (the role `policy` describes) to create it"));
            if (settings.dryRun()) {
                out.println("would create function " + settings.function() + " (" + function.runtime()
                        + ", index.handler, 128 MB, 5 s, role " + function.roleArn() + ") and publish version 1");
                return settings.function() + ":(new)";
            }
            lambda.createFunction(b -> b.functionName(settings.function()).runtime(function.runtime())
                    .role(function.roleArn()).handler("index.handler").memorySize(128).timeout(5)
                    .description("registry-edge viewer-request function").publish(false)
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(zip.bytes()))));
            out.println("created function " + settings.function() + " (" + function.runtime() + ")");
            awaitUpdated();
        } else {
            Optional<FunctionConfiguration> published = newestWith(zip.codeSha256());
            if (published.isPresent()) {
                out.println("function " + settings.function() + ": version " + published.get().version()
                        + " has this code (sha256 " + zip.codeSha256() + ")");
                return published.get().functionArn();
            }
            if (!zip.codeSha256().equals(latest.codeSha256())) {
                if (settings.dryRun()) {
                    out.println("would upload " + zip.path() + " to " + settings.function() + " and publish a version");
                    return settings.function() + ":(new)";
                }
                awaitUpdated();
                lambda.updateFunctionCode(b -> b.functionName(settings.function())
                        .zipFile(SdkBytes.fromByteArray(zip.bytes())));
                out.println("uploaded " + zip.path() + " (" + zip.bytes().length + " bytes)");
                awaitUpdated();
            } else if (settings.dryRun()) {
                out.println("would publish a version of " + settings.function());
                return settings.function() + ":(new)";
            }
        }
        String version = lambda.publishVersion(b -> b.functionName(settings.function())
                .codeSha256(zip.codeSha256()).description(description)).functionArn();
        out.println("published " + FunctionArns.shortName(version));
        return version;
    }

    private Optional<FunctionConfiguration> newestWith(String codeSha256) {
        FunctionConfiguration newest = null;
        for (FunctionConfiguration version : lambda.listVersionsByFunctionPaginator(b -> b.functionName(
                settings.function())).versions()) {
            if (!version.version().equals("$LATEST") && codeSha256.equals(version.codeSha256())
                    && (newest == null || Long.parseLong(version.version()) > Long.parseLong(newest.version()))) {
                newest = version;
            }
        }
        return Optional.ofNullable(newest);
    }

    /** Lambda refuses a new upload or a publish while an update is still being applied. */
    private void awaitUpdated() {
        long deadline = System.nanoTime() + settings.waitTimeout().toNanos();
        while (true) {
            FunctionConfiguration now = lambda.getFunction(b -> b.functionName(settings.function())).configuration();
            if (now.state() == State.FAILED || now.lastUpdateStatus() == LastUpdateStatus.FAILED) {
                throw new Refused("Lambda could not apply the update: " + now.lastUpdateStatusReason());
            }
            if (now.state() != State.PENDING && now.lastUpdateStatus() != LastUpdateStatus.IN_PROGRESS) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new Refused("the function's update was still in progress after " + settings.waitTimeout());
            }
            sleep();
        }
    }

    /**
     * Reads every distribution to act on: the named ones (each must be visible), or every one in
     * the configuration that these credentials can see (the others are skipped, with the reason).
     * When {@code strict}, any problem stops the command before it changes anything.
     */
    private Optional<List<Seen>> resolve(List<String> named, boolean strict) {
        boolean explicit = !named.isEmpty();
        List<String> ids = explicit ? named : List.copyOf(config.distributions().keySet());
        List<Seen> seen = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String id : ids) {
            Distribution distribution = config.distributions().get(id);
            String name = distribution == null ? "not in the routing configuration" : distribution.name();
            try {
                Seen read = Seen.of(name, cloudFront.getDistribution(b -> b.id(id)));
                if (BlobBehaviour.find(read.config()).isEmpty()) {
                    problems.add(read.label() + " has no cache behaviour for " + BlobBehaviour.PATH_PATTERN
                            + ": add one (same origin as the default behaviour, GET and HEAD) and run again");
                }
                seen.add(read);
            } catch (AwsServiceException e) {
                String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
                boolean invisible = code.equals("NoSuchDistribution") || code.equals("AccessDenied");
                if (invisible && !explicit) {
                    err.println("skipped " + id + " (" + name + "): not visible with these credentials (" + message(e)
                            + "); if it is in another account, run again with that account's credentials");
                } else {
                    problems.add(id + " (" + name + "): " + message(e));
                }
            } catch (SdkException e) {
                problems.add(id + " (" + name + "): " + message(e));
            }
        }
        problems.forEach(problem -> err.println("registry-edge: " + problem));
        if (seen.isEmpty()) {
            err.println("registry-edge: no distribution to act on");
            return Optional.empty();
        }
        if (strict && !problems.isEmpty()) {
            err.println("registry-edge: nothing changed");
            return Optional.empty();
        }
        return Optional.of(seen);
    }

    /** Changes each distribution as the plan says, then waits for CloudFront to deploy what changed. */
    private int apply(List<Seen> distributions, Plan plan, String recordTag) {
        List<Seen> changed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Seen seen : distributions) {
            try {
                applyOne(seen, plan, recordTag).ifPresent(changed::add);
            } catch (Refused | SdkException e) {
                out.println(seen.label() + ": FAILED: " + message(e));
                failed.add(seen.id());
            }
        }
        boolean deployed = settings.dryRun() || !settings.waitForDeployed() || awaitDeployed(changed);
        if (!failed.isEmpty()) {
            err.println("registry-edge: not changed: " + String.join(", ", failed) + " (see above); the others are done");
        }
        return failed.isEmpty() && deployed ? 0 : 1;
    }

    private Optional<Seen> applyOne(Seen first, Plan plan, String recordTag) {
        Seen seen = first;
        for (int attempt = 1; ; attempt++) {
            Optional<Wanted> now = Wanted.of(BlobBehaviour.viewerRequest(seen.config()));
            Optional<Wanted> wanted = plan.wanted(seen, now);
            String change = now.map(w -> FunctionArns.shortName(w.arn())).orElse("none") + " -> "
                    + wanted.map(w -> FunctionArns.shortName(w.arn())).orElse("none");
            if (now.equals(wanted)) {
                out.println(seen.label() + ": unchanged (" + wanted.map(w -> FunctionArns.shortName(w.arn()))
                        .orElse("no viewer-request function") + ")");
                return Optional.empty();
            }
            if (settings.dryRun()) {
                out.println(seen.label() + ": would change viewer-request " + change);
                return Optional.empty();
            }
            DistributionConfig next = BlobBehaviour.withViewerRequest(seen.config(),
                    wanted.map(w -> BlobBehaviour.association(w.arn(), w.includeBody())));
            if (recordTag != null && now.isPresent()) {
                record(seen, recordTag, now.get());
            }
            try {
                String id = seen.id();
                String eTag = seen.eTag();
                UpdateDistributionResponse updated = cloudFront.updateDistribution(b -> b.id(id).ifMatch(eTag)
                        .distributionConfig(next));
                out.println(seen.label() + ": viewer-request " + change);
                return Optional.of(new Seen(seen.id(), seen.name(), seen.arn(), updated.eTag(),
                        updated.distribution().distributionConfig(), updated.distribution().status()));
            } catch (PreconditionFailedException concurrent) {
                if (attempt == ATTEMPTS) {
                    throw concurrent;
                }
                err.println(seen.label() + ": changed by someone else since it was read; reading it again");
                seen = Seen.of(first.name(), cloudFront.getDistribution(b -> b.id(first.id())));
            }
        }
    }

    /** Best effort: an emergency switch that cannot write its tag still switches. */
    private void record(Seen seen, String key, Wanted value) {
        try {
            cloudFront.tagResource(b -> b.resource(seen.arn()).tags(t -> t.items(Tag.builder().key(key)
                    .value(value.tagValue()).build())));
        } catch (SdkException e) {
            err.println(seen.label() + ": could not record " + FunctionArns.shortName(value.arn()) + " in tag " + key
                    + " (" + message(e) + "); " + (key.equals(DISABLED_TAG) ? "enable will need --function-version"
                    : "rollback will not know it"));
        }
    }

    private Optional<Wanted> recorded(Seen seen, String key) {
        return cloudFront.listTagsForResource(b -> b.resource(seen.arn())).tags().items().stream()
                .filter(tag -> tag.key().equals(key)).findFirst().map(tag -> Wanted.ofTag(tag.value()));
    }

    /** Polls the changed distributions until each is Deployed, printing progress; false on timeout. */
    private boolean awaitDeployed(List<Seen> changed) {
        Map<String, Seen> pending = new LinkedHashMap<>();
        changed.stream().filter(seen -> !"Deployed".equals(seen.status())).forEach(seen -> pending.put(seen.id(), seen));
        long start = System.nanoTime();
        String last = "";
        int polls = 0;
        while (!pending.isEmpty()) {
            String line = "waiting for CloudFront: " + (changed.size() - pending.size()) + " of " + changed.size()
                    + " deployed, in progress: " + String.join(", ", pending.keySet());
            if (!line.equals(last) || polls % 8 == 0) {
                err.println(line + " (" + seconds(start) + ")");
                last = line;
            }
            if (System.nanoTime() - start > settings.waitTimeout().toNanos()) {
                err.println("registry-edge: gave up waiting after " + seconds(start) + "; the changes are made and"
                        + " CloudFront is still deploying them: `status` shows when they are done");
                return false;
            }
            sleep();
            polls++;
            for (Seen seen : List.copyOf(pending.values())) {
                try {
                    String status = cloudFront.getDistribution(b -> b.id(seen.id())).distribution().status();
                    if ("Deployed".equals(status)) {
                        pending.remove(seen.id());
                        out.println(seen.label() + ": Deployed (" + seconds(start) + ")");
                    }
                } catch (SdkException e) {
                    err.println(seen.label() + ": could not read its state (" + message(e) + "); still waiting");
                }
            }
        }
        return true;
    }

    private static String seconds(long start) {
        return (System.nanoTime() - start) / 1_000_000_000L + " s";
    }

    private void sleep() {
        try {
            Thread.sleep(settings.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("interrupted");
        }
    }

    static String message(RuntimeException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }
}
