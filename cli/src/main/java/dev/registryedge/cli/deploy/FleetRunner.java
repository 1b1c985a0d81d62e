package dev.registryedge.cli.deploy;

import dev.registryedge.ipmap.routing.Distribution;
import dev.registryedge.ipmap.routing.RoutingConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs a command across the fleet: reaches every account at once (its operator role assumed),
 * reads every distribution at once, stops before any change when one lacks the blob behaviour
 * and the command needs it, lets the plan prepare each account (deploy publishes there), then
 * changes every distribution at once and waits, once for all of them, until CloudFront has
 * deployed the changes. An account or distribution that fails is reported on its lines and the
 * others are done. Running a command twice changes nothing the second time.
 */
public final class FleetRunner implements AutoCloseable {

    /**
     * How the commands run.
     *
     * @param dryRun read and print what would change, write nothing
     * @param waitForDeployed after changing distributions, wait until CloudFront reports them Deployed
     * @param localRecords where disable keeps what CloudFront would not take as a tag
     */
    public record Settings(boolean dryRun, boolean waitForDeployed, Duration pollInterval, Duration waitTimeout,
            Path localRecords) {}

    /**
     * What a command came to.
     *
     * @param actedOn false when there was no distribution to act on, or the command stopped before any change
     * @param failed distributions not read or not changed as asked
     * @param changed the distributions changed
     * @param deployed whether CloudFront had deployed every change when the wait ended
     */
    public record Outcome(boolean actedOn, int failed, List<String> changed, boolean deployed) {}

    /** A distribution read, in the session of its account. */
    record Read(SeenDistribution seen, AccountSession session) {}

    /** The distributions read, in the configuration's order; those that could not be; whether to stop. */
    record Reading(List<Read> reads, List<String> failed, boolean stop) {}

    private final Fleet fleet;
    private final RoutingConfig routing;
    private final AccountSession.Opener opener;
    private final Settings settings;
    private final Console console;
    private final Interruption interruption;
    private final ExecutorService pool = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "registry-edge-fleet");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, CompletableFuture<AccountSession>> sessions = new LinkedHashMap<>();

    public FleetRunner(Fleet fleet, RoutingConfig routing, AccountSession.Opener opener, Settings settings,
            Console console, Interruption interruption) {
        this.fleet = fleet;
        this.routing = routing;
        this.opener = opener;
        this.settings = settings;
        this.console = console;
        this.interruption = interruption;
    }

    Settings settings() {
        return settings;
    }

    Fleet fleet() {
        return fleet;
    }

    /**
     * Reads every distribution to act on: the named ones, or every one in the configuration.
     * Without a fleet file, one these credentials cannot see is skipped with the reason unless
     * named. When {@code strict}, one without the blob behaviour stops the command.
     */
    Reading read(List<String> named, boolean strict) {
        boolean explicit = !named.isEmpty();
        List<String> ids = explicit ? named : List.copyOf(routing.distributions().keySet());
        List<CompletableFuture<Optional<Read>>> reads = new ArrayList<>();
        List<String> failed = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> skipped = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> stops = java.util.Collections.synchronizedList(new ArrayList<>());
        for (String id : ids) {
            Distribution distribution = routing.distributions().get(id);
            String name = distribution == null ? "not in the routing configuration" : distribution.name();
            String label = id + " (" + name + ")";
            Fleet.Account account = fleet.accountOf(id);
            reads.add(session(account).handleAsync((session, unreachable) -> {
                if (unreachable != null) {
                    failed.add(id);
                    console.out().println(label + ": FAILED: cannot reach " + account.label() + ": "
                            + Console.message(cause(unreachable)));
                    return Optional.<Read>empty();
                }
                try {
                    SeenDistribution seen = session.distributions().read(id, name);
                    if (strict && BlobBehaviour.find(seen.config()).isEmpty()) {
                        stops.add(label + " has no cache behaviour for " + BlobBehaviour.PATH_PATTERN
                                + ": add one (same origin as the default behaviour, GET and HEAD) and run again");
                        return Optional.<Read>empty();
                    }
                    return Optional.of(new Read(seen, session));
                } catch (AwsServiceException e) {
                    String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
                    if (!explicit && !fleet.isFile() && (code.equals("NoSuchDistribution") || code.equals("AccessDenied"))) {
                        skipped.add(id);
                        console.note("skipped " + label + ": not visible with these credentials (" + Console.message(e)
                                + "); if it is in another account, list it with its account in a fleet file (--fleet)");
                    } else {
                        failed.add(id);
                        console.out().println(label + ": FAILED: " + Console.message(e));
                    }
                } catch (RuntimeException e) {
                    failed.add(id);
                    console.out().println(label + ": FAILED: " + Console.message(e));
                }
                return Optional.<Read>empty();
            }, pool));
        }
        List<Read> seen = reads.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList();
        stops.forEach(problem -> console.note("registry-edge: " + problem));
        if (!skipped.isEmpty()) {
            console.note("registry-edge: skipped " + skipped.size() + " not visible with these credentials: "
                    + String.join(", ", skipped));
        }
        if (!stops.isEmpty()) {
            console.note("registry-edge: nothing changed");
        } else if (seen.isEmpty()) {
            console.note("registry-edge: no distribution to act on");
        }
        List<String> unread = ids.stream().filter(failed::contains).toList();
        return new Reading(seen, unread, !stops.isEmpty() || seen.isEmpty());
    }

    /** Changes every distribution as the plan says, then waits until CloudFront has deployed them. */
    Outcome run(List<String> named, Plan plan) {
        Reading reading = read(named, plan.strict());
        if (reading.stop()) {
            return new Outcome(false, reading.failed().size(), List.of(), true);
        }
        Map<AccountSession, CompletableFuture<Plan.InAccount>> prepared = new LinkedHashMap<>();
        for (Read read : reading.reads()) {
            prepared.computeIfAbsent(read.session(), session -> CompletableFuture.supplyAsync(() -> {
                try {
                    return plan.in(session, console);
                } catch (RuntimeException e) {
                    console.note("registry-edge: " + session.account().label() + ": " + Console.message(e)
                            + "; no distribution changed there");
                    throw e;
                }
            }, pool));
        }
        List<CompletableFuture<Result>> results = new ArrayList<>();
        for (Read read : reading.reads()) {
            results.add(prepared.get(read.session()).handle((inAccount, refused) -> refused)
                    .thenApplyAsync(refused -> refused != null
                            ? failed(read.seen(), "not changed: " + read.session().account().label() + " refused"
                                    + " (see above)")
                            : apply(read, prepared.get(read.session()).join()), pool));
        }
        List<Result> done = results.stream().map(CompletableFuture::join).toList();
        List<Result> toWatch = done.stream().filter(r -> !r.failed() || r.changed()).toList();
        boolean deployed = settings.dryRun() || !settings.waitForDeployed() || awaitDeployed(toWatch);
        List<String> notChanged = new ArrayList<>(reading.failed());
        done.stream().filter(r -> r.failed() && !r.changed()).map(r -> r.seen().id()).forEach(notChanged::add);
        List<String> order = List.copyOf(routing.distributions().keySet());
        notChanged.sort(java.util.Comparator.comparingInt(order::indexOf));
        List<String> unchecked = done.stream().filter(r -> r.failed() && r.changed()).map(r -> r.seen().id()).toList();
        if (!notChanged.isEmpty()) {
            console.note("registry-edge: not changed: " + String.join(", ", notChanged) + " (see above)"
                    + (done.stream().anyMatch(r -> !r.failed()) ? "; the others are done" : ""));
        }
        if (!unchecked.isEmpty()) {
            console.note("registry-edge: changed, but not only as asked: " + String.join(", ", unchecked)
                    + " (see above)");
        }
        return new Outcome(true, notChanged.size() + unchecked.size(),
                done.stream().filter(Result::changed).map(r -> r.seen().id()).toList(), deployed);
    }

    /**
     * One distribution after a command: as it is now, its session, whether it changed, and
     * whether it is not as asked (not changed, or changed but not only as asked).
     */
    private record Result(SeenDistribution seen, AccountSession session, boolean changed, boolean failed) {}

    private Result failed(SeenDistribution seen, String why) {
        console.line(seen, "FAILED: " + why);
        return new Result(seen, null, false, true);
    }

    /** Makes one distribution as the plan says; a refusal or failure is its FAILED line. */
    private Result apply(Read read, Plan.InAccount plan) {
        SeenDistribution seen = read.seen();
        DistributionStore store = read.session().distributions();
        try {
            @SuppressWarnings("unchecked")
            Optional<Association>[] decided = new Optional[2];
            Optional<DistributionStore.Written>[] written = new Optional[] {Optional.empty()};
            DistributionStore.Change change = current -> {
                if (BlobBehaviour.find(current.config()).isEmpty()) {
                    throw new Refused("no cache behaviour for " + BlobBehaviour.PATH_PATTERN);
                }
                Optional<Association> now = current.viewerRequest();
                Optional<Association> wanted = plan.wanted(current, now);
                if (now.equals(wanted)) {
                    console.line(current, "unchanged (" + wanted.map(Association::shortName)
                            .orElse("no viewer-request function") + ")");
                    return Optional.empty();
                }
                if (settings.dryRun()) {
                    store.checkWholeModel(current);
                    console.line(current, "would change viewer-request " + Association.describe(now) + " -> "
                            + Association.describe(wanted));
                    return Optional.empty();
                }
                decided[0] = now;
                decided[1] = wanted;
                return Optional.of(BlobBehaviour.withViewerRequest(current.config(),
                        wanted.map(w -> BlobBehaviour.association(w.arn(), w.includeBody()))));
            };
            boolean started = interruption.run(() -> {
                written[0] = store.update(seen, change, () -> plan.beforeChange(seen, decided[0]));
                written[0].ifPresent(w -> {
                    console.line(w.after(), "viewer-request " + Association.describe(decided[0]) + " -> "
                            + Association.describe(decided[1]));
                    plan.changed(w.after(), decided[0], decided[1]);
                });
            });
            if (!started) {
                return failed(seen, "not changed: stopping (interrupted)");
            }
            if (written[0].isEmpty()) {
                return new Result(seen, read.session(), false, false);
            }
            DistributionStore.Written made = written[0].get();
            List<String> unexpected;
            try {
                unexpected = store.unexpectedChanges(made.before(), decided[1]);
            } catch (RuntimeException e) {
                unexpected = List.of("could not read it back: " + Console.message(e));
            }
            if (!unexpected.isEmpty()) {
                console.line(made.after(), "FAILED: changed, but reading it back shows more than the association"
                        + " changed: " + String.join("; ", unexpected) + ". Compare it with what you expect in the"
                        + " CloudFront console");
                return new Result(made.after(), read.session(), true, true);
            }
            return new Result(made.after(), read.session(), true, false);
        } catch (RuntimeException e) {
            // Refused, an SDK failure, or anything unexpected: this one is reported, the rest go on.
            return failed(seen, Console.message(e));
        }
    }

    /** Polls the distributions until each is Deployed, printing progress; false on timeout. */
    private boolean awaitDeployed(List<Result> changed) {
        Map<String, Result> pending = new LinkedHashMap<>();
        changed.stream().filter(r -> !"Deployed".equals(r.seen().status())).forEach(r -> pending.put(r.seen().id(), r));
        long start = System.nanoTime();
        String last = "";
        int polls = 0;
        while (!pending.isEmpty()) {
            String line = "waiting for CloudFront: " + (changed.size() - pending.size()) + " of " + changed.size()
                    + " deployed, in progress: " + String.join(", ", pending.keySet());
            if (!line.equals(last) || polls % 8 == 0) {
                console.note(line + " (" + seconds(start) + ")");
                last = line;
            }
            if (System.nanoTime() - start > settings.waitTimeout().toNanos() || interruption.stopping()) {
                console.note("registry-edge: gave up waiting after " + seconds(start) + "; the changes are made and"
                        + " CloudFront is still deploying them: `status` shows when they are done");
                return false;
            }
            try {
                Thread.sleep(settings.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            polls++;
            Map<String, CompletableFuture<String>> states = new LinkedHashMap<>();
            pending.forEach((id, r) -> states.put(id, CompletableFuture.supplyAsync(
                    () -> r.session().distributions().status(id), pool)));
            states.forEach((id, state) -> {
                try {
                    if ("Deployed".equals(state.join())) {
                        console.line(pending.remove(id).seen(), "Deployed (" + seconds(start) + ")");
                    }
                } catch (RuntimeException e) {
                    console.note(pending.get(id).seen().label() + ": could not read its state ("
                            + Console.message(cause(e)) + "); still waiting");
                }
            });
        }
        return true;
    }

    /** Each account's session, opened once, on first use, in the background. */
    synchronized CompletableFuture<AccountSession> session(Fleet.Account account) {
        return sessions.computeIfAbsent(String.valueOf(account.id()), id -> CompletableFuture.supplyAsync(
                () -> opener.open(account), pool));
    }

    /** Runs {@code task} for every read distribution at once; results in the same order. */
    <T> List<T> forEach(List<Read> reads, Function<Read, T> task) {
        List<CompletableFuture<T>> futures = reads.stream().map(r -> CompletableFuture.supplyAsync(() -> task.apply(r),
                pool)).toList();
        return futures.stream().map(CompletableFuture::join).toList();
    }

    private static String seconds(long start) {
        return (System.nanoTime() - start) / 1_000_000_000L + " s";
    }

    private static Throwable cause(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof SdkException sdk && sdk.getCause() instanceof AwsServiceException aws) {
            return aws;
        }
        return cause;
    }

    @Override
    public void close() {
        sessions.values().forEach(session -> session.thenAccept(AccountSession::close));
        pool.shutdownNow();
    }
}
