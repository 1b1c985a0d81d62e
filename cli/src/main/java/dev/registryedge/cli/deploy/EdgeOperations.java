package dev.registryedge.cli.deploy;

import dev.registryedge.ipmap.routing.Distribution;
import dev.registryedge.ipmap.routing.RoutingConfig;
import java.io.PrintStream;
import java.nio.file.Path;
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
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * deploy, disable, enable, rollback and status. Each reads every distribution first, then moves
 * the blob behaviour's viewer-request association one distribution at a time, with the ETag it
 * read; a concurrent change is read again and retried. A distribution that fails is reported and
 * the others go on. Running a command twice changes nothing the second time; interrupting one
 * leaves every distribution either as it was or as asked.
 *
 * <p>What a change replaced is kept as a tag on the distribution, written once the change is
 * made: {@value #LAST_DEPLOY_TAG} (the version a deploy replaced and the one it installed, for
 * rollback) and {@value #DISABLED_TAG} (the association disable removed, for enable), so that
 * another operator, or another machine, can undo it.
 */
public final class EdgeOperations {

    /** {@code FROM TO}: the version the last deploy replaced and the one it installed. */
    public static final String LAST_DEPLOY_TAG = "registry-edge:last-deploy";
    /** The association disable removed: what enable puts back. */
    public static final String DISABLED_TAG = "registry-edge:disabled-viewer-request";
    /** Lambda@Edge's limit for a viewer-request function's zip. */
    public static final long VIEWER_REQUEST_ZIP_LIMIT = 1024 * 1024;

    /** Exit codes. */
    public static final int DONE = 0;
    public static final int NOT_DONE = 1;
    /** Every change made, but CloudFront had not deployed all of them when the wait ended. */
    public static final int NOT_YET_DEPLOYED = 3;

    private static final int ATTEMPTS = 5;

    /**
     * How the commands run.
     *
     * @param function the function's name or us-east-1 ARN
     * @param dryRun read and print what would change, write nothing
     * @param waitForDeployed after changing distributions, wait until CloudFront reports them Deployed
     * @param localRecords where disable keeps what CloudFront would not take as a tag
     */
    public record Settings(String function, boolean dryRun, boolean waitForDeployed, Duration pollInterval,
            Duration waitTimeout, Path localRecords) {}

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

        static Wanted ofTag(String key, String value) {
            String[] parts = value == null ? new String[0] : value.split(" ");
            if (parts.length == 0 || !FunctionArns.isNumberedVersion(parts[0])) {
                throw new Refused("tag " + key + " holds '" + value + "', not a numbered function version");
            }
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

    /** What to remember once a distribution took a change; best effort. */
    private interface Record {
        void changed(Seen seen, Optional<Wanted> before, Optional<Wanted> after);

        /** What to keep before the change is made: what it cannot do without once made. */
        default void beforeChange(Seen seen, Optional<Wanted> now) {}

        Record NOTHING = (seen, before, after) -> {};
    }

    /** A distribution a command will not change, with the reason. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** The distributions read, and those that could not be (already reported). */
    private record Resolution(List<Seen> seen, int failed) {}

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
     * version with every distribution; one switched off by {@code disable} is left alone.
     *
     * @param description the version's description: what map and configuration it carries
     * @param creation how to create the function when it does not exist; empty to refuse
     */
    public int deploy(LocalZip zip, String description, Optional<NewFunction> creation, List<String> named) {
        Optional<Resolution> distributions = resolve(named, true);
        if (distributions.isEmpty()) {
            return NOT_DONE;
        }
        String version;
        try {
            version = publishedVersion(zip, description, creation);
        } catch (Refused | SdkException e) {
            err.println("registry-edge: " + message(e));
            err.println("registry-edge: no distribution changed");
            return NOT_DONE;
        }
        return apply(distributions.get(), (seen, now) -> {
            if (now.isEmpty() && recorded(seen, DISABLED_TAG).isPresent()) {
                throw new Refused("switched off by `disable`; `enable` it first, then deploy");
            }
            return Optional.of(new Wanted(version, false));
        }, (seen, before, after) -> before.ifPresent(from -> tag(seen, LAST_DEPLOY_TAG,
                from.arn() + " " + after.orElseThrow().arn())));
    }

    /**
     * Removes the association: CloudFront then serves every blob itself. What it removes is
     * recorded first, in a tag; where CloudFront will not take the tag, it is still removed (this
     * is the emergency switch), the record is kept in the local records file, and the exact
     * {@code enable} command that restores it is printed.
     */
    public int disable(List<String> named) {
        Optional<Resolution> distributions = resolve(named, false);
        if (distributions.isEmpty()) {
            return NOT_DONE;
        }
        int[] removed = {0};
        int status = apply(distributions.get(), (seen, now) -> Optional.empty(), new Record() {
            @Override
            public void beforeChange(Seen seen, Optional<Wanted> now) {
                now.ifPresent(association -> recordDisabled(seen, association));
            }

            @Override
            public void changed(Seen seen, Optional<Wanted> before, Optional<Wanted> after) {
                removed[0]++;
            }
        });
        if (!settings.dryRun() && status != NOT_DONE) {
            out.println(removed[0] > 0
                    ? "disabled: CloudFront serves blobs itself wherever the change is deployed; `enable` undoes it"
                    : "nothing to disable: the function was associated with none of these distributions");
        }
        return status;
    }

    /** The association disable is about to remove, as a tag; else in the local records, with the way back printed. */
    private void recordDisabled(Seen seen, Wanted association) {
        try {
            cloudFront.tagResource(b -> b.resource(seen.arn()).tags(t -> t.items(Tag.builder().key(DISABLED_TAG)
                    .value(association.tagValue()).build())));
        } catch (SdkException e) {
            LocalRecords records = new LocalRecords(settings.localRecords());
            records.put(seen.id(), association.tagValue());
            String version = association.arn().substring(association.arn().lastIndexOf(':') + 1);
            err.println(seen.label() + ": could not record '" + association.tagValue() + "' in tag " + DISABLED_TAG
                    + " (" + message(e) + "); kept in " + records.file() + ". To restore it: registry-edge enable"
                    + " --function " + settings.function() + " -d " + seen.id() + " --function-version " + version
                    + " (or `enable` with the same --records, which reads the file)");
        }
    }

    /**
     * Puts back what disable removed (from its tag); where nothing was recorded, the given version.
     *
     * @param version a published version number for distributions without a record
     */
    public int enable(List<String> named, Optional<String> version) {
        Optional<Resolution> distributions = resolve(named, false);
        if (distributions.isEmpty()) {
            return NOT_DONE;
        }
        Optional<String> versionArn;
        try {
            versionArn = version.map(v -> lambda.getFunctionConfiguration(b -> b.functionName(settings.function())
                    .qualifier(v)).functionArn());
        } catch (SdkException e) {
            err.println("registry-edge: version " + version.get() + " of " + settings.function() + ": " + message(e));
            return NOT_DONE;
        }
        LocalRecords local = new LocalRecords(settings.localRecords());
        return apply(distributions.get(), (seen, now) -> {
            if (now.isPresent()) {
                return now;
            }
            Optional<Wanted> recorded = recorded(seen, DISABLED_TAG);
            if (recorded.isPresent()) {
                return recorded;
            }
            Optional<String> kept = local.get(seen.id());
            if (kept.isPresent()) {
                out.println(seen.label() + ": restoring what disable kept in " + local.file());
                return Optional.of(Wanted.ofTag(local.file().toString(), kept.get()));
            }
            if (versionArn.isEmpty()) {
                Optional<String> deployed = recordedValue(seen, LAST_DEPLOY_TAG);
                if (deployed.isPresent() && deployed.get().split(" ").length == 2) {
                    out.println(seen.label() + ": no record of disable; restoring the version the last deploy"
                            + " installed (tag " + LAST_DEPLOY_TAG + ")");
                    return Optional.of(Wanted.ofTag(LAST_DEPLOY_TAG, deployed.get().split(" ")[1]));
                }
            }
            return Optional.of(new Wanted(versionArn.orElseThrow(() -> new Refused("no association recorded by"
                    + " disable (tag " + DISABLED_TAG + ", or " + local.file() + "); name one with"
                    + " --function-version N")), false));
        }, (seen, before, after) -> {
            untag(seen, DISABLED_TAG);
            local.remove(seen.id());
        });
    }

    /**
     * Puts back the version the last deploy replaced, where the version that deploy installed is
     * still associated; where the replaced one is associated already, nothing changes (so running
     * it twice is safe: deploy goes forward again).
     */
    public int rollback(List<String> named) {
        Optional<Resolution> distributions = resolve(named, true);
        if (distributions.isEmpty()) {
            return NOT_DONE;
        }
        return apply(distributions.get(), (seen, now) -> {
            if (now.isEmpty()) {
                throw new Refused("the function is disabled here; `enable` it first");
            }
            String last = recordedValue(seen, LAST_DEPLOY_TAG).orElseThrow(() -> new Refused(
                    "no deploy recorded (tag " + LAST_DEPLOY_TAG + "); deploy records the version it replaces"));
            String[] fromTo = last.split(" ");
            if (fromTo.length != 2 || !FunctionArns.isNumberedVersion(fromTo[0])) {
                throw new Refused("tag " + LAST_DEPLOY_TAG + " holds '" + last + "', not two function versions");
            }
            if (now.get().arn().equals(fromTo[0])) {
                return now;
            }
            if (!now.get().arn().equals(fromTo[1])) {
                throw new Refused(FunctionArns.shortName(now.get().arn()) + " is associated, not "
                        + FunctionArns.shortName(fromTo[1]) + " that the last deploy installed: nothing to roll back");
            }
            return Optional.of(new Wanted(fromTo[0], now.get().includeBody()));
        }, Record.NOTHING);
    }

    /**
     * Fills the table, per distribution: the associated version, whether its code is the local
     * zip's, CloudFront's state. The caller prints it.
     */
    public int status(Optional<LocalZip> zip, List<String> named, StatusTable table) {
        Optional<Resolution> distributions = resolve(named, false);
        if (distributions.isEmpty()) {
            return NOT_DONE;
        }
        Map<String, Optional<StatusTable.Version>> versions = new LinkedHashMap<>();
        for (Seen seen : distributions.get().seen()) {
            Optional<Wanted> now = Wanted.of(BlobBehaviour.viewerRequest(seen.config()));
            Optional<StatusTable.Version> version = now.flatMap(w -> versions.computeIfAbsent(w.arn(), arn -> {
                try {
                    var read = lambda.getFunctionConfiguration(b -> b.functionName(arn));
                    return Optional.of(new StatusTable.Version(read.codeSha256(), read.description(),
                            read.lastModified()));
                } catch (SdkException e) {
                    err.println("registry-edge: " + FunctionArns.shortName(arn) + ": " + message(e));
                    return Optional.empty();
                }
            }));
            table.add(seen.id(), seen.name(), BlobBehaviour.find(seen.config()).isPresent(),
                    now.map(Wanted::arn), version, zip, seen.status());
        }
        return distributions.get().failed() == 0 ? DONE : NOT_DONE;
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
                awaitNotInProgress();
                lambda.updateFunctionCode(b -> b.functionName(settings.function())
                        .zipFile(SdkBytes.fromByteArray(zip.bytes())));
                out.println("uploaded " + zip.path() + " (" + zip.bytes().length + " bytes)");
                awaitUpdated();
            } else if (settings.dryRun()) {
                out.println("would publish a version of " + settings.function());
                return settings.function() + ":(new)";
            } else {
                awaitUpdated();
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

    /** Lambda refuses a publish until an update is applied, and fails it when the update failed. */
    private void awaitUpdated() {
        var now = awaitNotInProgress();
        if (now.state() == State.FAILED || now.lastUpdateStatus() == LastUpdateStatus.FAILED) {
            throw new Refused("Lambda could not apply the update: " + now.lastUpdateStatusReason());
        }
    }

    /** Lambda refuses a new upload while an update is being applied (one that failed may be replaced). */
    private GetFunctionConfigurationResponse awaitNotInProgress() {
        long deadline = System.nanoTime() + settings.waitTimeout().toNanos();
        while (true) {
            var now = lambda.getFunctionConfiguration(b -> b.functionName(settings.function()));
            if (now.state() != State.PENDING && now.lastUpdateStatus() != LastUpdateStatus.IN_PROGRESS) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new Refused("the function's update was still in progress after " + settings.waitTimeout());
            }
            sleep();
        }
    }

    /**
     * Reads every distribution to act on: the named ones (each must be readable), or every one in
     * the configuration that these credentials can see (the others are skipped, with the reason).
     * When {@code strict}, a distribution that cannot be read or has no blob behaviour stops the
     * command before it changes anything; otherwise it is reported as failed and the rest go on.
     */
    private Optional<Resolution> resolve(List<String> named, boolean strict) {
        boolean explicit = !named.isEmpty();
        List<String> ids = explicit ? named : List.copyOf(config.distributions().keySet());
        List<Seen> seen = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String id : ids) {
            Distribution distribution = config.distributions().get(id);
            String label = id + " (" + (distribution == null ? "not in the routing configuration" : distribution.name())
                    + ")";
            try {
                Seen read = Seen.of(distribution == null ? id : distribution.name(),
                        cloudFront.getDistribution(b -> b.id(id)));
                if (strict && BlobBehaviour.find(read.config()).isEmpty()) {
                    problems.add(label + " has no cache behaviour for " + BlobBehaviour.PATH_PATTERN
                            + ": add one (same origin as the default behaviour, GET and HEAD) and run again");
                } else {
                    seen.add(read);
                }
            } catch (AwsServiceException e) {
                String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
                if (!explicit && (code.equals("NoSuchDistribution") || code.equals("AccessDenied"))) {
                    skipped.add(id);
                    err.println("skipped " + label + ": not visible with these credentials (" + message(e)
                            + "); if it is in another account, run again with that account's credentials");
                } else {
                    problems.add(label + ": " + message(e));
                }
            } catch (SdkException e) {
                problems.add(label + ": " + message(e));
            }
        }
        if (strict) {
            problems.forEach(problem -> err.println("registry-edge: " + problem));
        } else {
            problems.forEach(problem -> out.println(problem.replaceFirst(": ", ": FAILED: ")));
        }
        if (!skipped.isEmpty()) {
            err.println("registry-edge: skipped " + skipped.size() + " not visible with these credentials: "
                    + String.join(", ", skipped));
        }
        if (seen.isEmpty()) {
            err.println("registry-edge: no distribution to act on");
            return Optional.empty();
        }
        if (strict && !problems.isEmpty()) {
            err.println("registry-edge: nothing changed");
            return Optional.empty();
        }
        return Optional.of(new Resolution(seen, problems.size()));
    }

    /**
     * Changes each distribution as the plan says, then waits until CloudFront has deployed every
     * distribution that now is as asked (those changed earlier by an interrupted run too).
     */
    private int apply(Resolution distributions, Plan plan, Record record) {
        List<Seen> toWatch = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Seen seen : distributions.seen()) {
            try {
                toWatch.add(applyOne(seen, plan, record));
            } catch (RuntimeException e) {
                // Refused, an SDK failure, or anything unexpected: this one is reported, the rest go on.
                out.println(seen.label() + ": FAILED: " + message(e));
                failed.add(seen.id());
            }
        }
        boolean deployed = settings.dryRun() || !settings.waitForDeployed() || awaitDeployed(toWatch);
        if (!failed.isEmpty()) {
            err.println("registry-edge: not changed: " + String.join(", ", failed) + " (see above)"
                    + (failed.size() < distributions.seen().size() ? "; the others are done" : ""));
        }
        return failed.isEmpty() && distributions.failed() == 0 ? (deployed ? DONE : NOT_YET_DEPLOYED) : NOT_DONE;
    }

    /** Makes one distribution as the plan says; returns it as it is after the change (or as it was). */
    private Seen applyOne(Seen first, Plan plan, Record record) {
        Seen seen = first;
        for (int attempt = 1; ; attempt++) {
            if (BlobBehaviour.find(seen.config()).isEmpty()) {
                throw new Refused("no cache behaviour for " + BlobBehaviour.PATH_PATTERN);
            }
            Optional<Wanted> now = Wanted.of(BlobBehaviour.viewerRequest(seen.config()));
            Optional<Wanted> wanted = plan.wanted(seen, now);
            String change = now.map(w -> FunctionArns.shortName(w.arn())).orElse("none") + " -> "
                    + wanted.map(w -> FunctionArns.shortName(w.arn())).orElse("none");
            if (now.equals(wanted)) {
                out.println(seen.label() + ": unchanged (" + wanted.map(w -> FunctionArns.shortName(w.arn()))
                        .orElse("no viewer-request function") + ")");
                return seen;
            }
            if (settings.dryRun()) {
                out.println(seen.label() + ": would change viewer-request " + change);
                return seen;
            }
            DistributionConfig next = BlobBehaviour.withViewerRequest(seen.config(),
                    wanted.map(w -> BlobBehaviour.association(w.arn(), w.includeBody())));
            record.beforeChange(seen, now);
            try {
                String id = seen.id();
                String eTag = seen.eTag();
                UpdateDistributionResponse updated = cloudFront.updateDistribution(b -> b.id(id).ifMatch(eTag)
                        .distributionConfig(next));
                out.println(seen.label() + ": viewer-request " + change);
                Seen after = new Seen(seen.id(), seen.name(), seen.arn(), updated.eTag(),
                        updated.distribution().distributionConfig(), updated.distribution().status());
                record.changed(after, now, wanted);
                return after;
            } catch (PreconditionFailedException concurrent) {
                if (attempt == ATTEMPTS) {
                    throw concurrent;
                }
                err.println(seen.label() + ": changed by someone else since it was read; reading it again");
                seen = Seen.of(first.name(), cloudFront.getDistribution(b -> b.id(first.id())));
            }
        }
    }

    /** Best effort: a change that cannot record what it replaced is still made (and says so). */
    private void tag(Seen seen, String key, String value) {
        try {
            cloudFront.tagResource(b -> b.resource(seen.arn()).tags(t -> t.items(Tag.builder().key(key)
                    .value(value).build())));
        } catch (SdkException e) {
            err.println(seen.label() + ": could not record '" + value + "' in tag " + key + " (" + message(e) + "); "
                    + (key.equals(DISABLED_TAG) ? "enable will need --function-version" : "rollback will not know it"));
        }
    }

    private void untag(Seen seen, String key) {
        try {
            cloudFront.untagResource(b -> b.resource(seen.arn()).tagKeys(k -> k.items(key)));
        } catch (SdkException e) {
            err.println(seen.label() + ": could not remove tag " + key + " (" + message(e) + ")");
        }
    }

    private Optional<String> recordedValue(Seen seen, String key) {
        return cloudFront.listTagsForResource(b -> b.resource(seen.arn())).tags().items().stream()
                .filter(tag -> tag.key().equals(key)).findFirst().map(Tag::value);
    }

    private Optional<Wanted> recorded(Seen seen, String key) {
        return recordedValue(seen, key).map(value -> Wanted.ofTag(key, value));
    }

    /** Polls the distributions until each is Deployed, printing progress; false on timeout. */
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
            throw new Refused("interrupted; every distribution is as it was or as asked");
        }
    }

    static String message(RuntimeException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            return aws.awsErrorDetails().errorCode() + ": " + aws.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }
}
