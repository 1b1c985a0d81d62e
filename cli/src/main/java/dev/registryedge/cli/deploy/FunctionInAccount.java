package dev.registryedge.cli.deploy;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.waiters.LambdaWaiter;

/**
 * The function in one account's us-east-1: created when absent, the zip uploaded when no
 * published version has its code, a version published; on the SDK's Lambda waiters, since Lambda
 * refuses a publish (or another upload) until an update is applied.
 */
final class FunctionInAccount {

    /** In {@code --role}, stands for the account the function is created in. */
    static final String ACCOUNT_PLACEHOLDER = "{account}";

    /** What a dry run returns for a version it would publish. */
    static final String WOULD_PUBLISH = ":(new)";

    private final LambdaClient lambda;
    private final String name;
    private final boolean dryRun;
    private final Duration pollInterval;
    private final Duration waitTimeout;
    private final PrintStream out;

    FunctionInAccount(LambdaClient lambda, String name, boolean dryRun, Duration pollInterval, Duration waitTimeout,
            PrintStream out) {
        this.lambda = lambda;
        this.name = name;
        this.dryRun = dryRun;
        this.pollInterval = pollInterval;
        this.waitTimeout = waitTimeout;
        this.out = out;
    }

    String name() {
        return name;
    }

    /** The newest published version holding the zip's code, uploading and publishing when there is none. */
    String publishedVersion(LocalZip zip, String description, Optional<NewFunction> creation, Fleet.Account account) {
        String where = account.label();
        FunctionConfiguration latest;
        try {
            latest = lambda.getFunction(b -> b.functionName(name)).configuration();
        } catch (ResourceNotFoundException absent) {
            latest = null;
        }
        if (latest == null) {
            NewFunction function = creation.orElseThrow(() -> new Refused("function " + name + " does not exist in"
                    + " us-east-1" + (account.id() == null ? "" : " of " + where) + ": give --role ARN (the role"
                    + " `policy` describes) to create it"));
            String role = function.roleArn();
            if (role.contains(ACCOUNT_PLACEHOLDER)) {
                if (account.id() == null) {
                    throw new Refused("--role " + role + " has " + ACCOUNT_PLACEHOLDER + ", which only a fleet file's"
                            + " accounts fill in: give the role's ARN");
                }
                role = role.replace(ACCOUNT_PLACEHOLDER, account.id());
            }
            String roleArn = role;
            if (dryRun) {
                out.println(where + ": would create function " + name + " (" + function.runtime()
                        + ", index.handler, 128 MB, 5 s, role " + roleArn + ") and publish version 1");
                return name + WOULD_PUBLISH;
            }
            lambda.createFunction(b -> b.functionName(name).runtime(function.runtime()).role(roleArn)
                    .handler("index.handler").memorySize(128).timeout(5)
                    .description("registry-edge viewer-request function").publish(false)
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(zip.bytes()))));
            out.println(where + ": created function " + name + " (" + function.runtime() + ")");
            waiter(w -> w.waitUntilFunctionActiveV2(request()));
        } else {
            Optional<FunctionConfiguration> published = newestWith(zip.codeSha256());
            if (published.isPresent()) {
                out.println(where + ": function " + name + ": version " + published.get().version()
                        + " has this code (sha256 " + zip.codeSha256() + ")");
                return published.get().functionArn();
            }
            if (dryRun) {
                out.println(where + ": would " + (zip.codeSha256().equals(latest.codeSha256()) ? "" : "upload "
                        + zip.path() + " to " + name + " and ") + "publish a version of " + name);
                return name + WOULD_PUBLISH;
            }
            if (!zip.codeSha256().equals(latest.codeSha256())) {
                awaitNoUpdateInProgress();
                lambda.updateFunctionCode(b -> b.functionName(name).zipFile(SdkBytes.fromByteArray(zip.bytes())));
                out.println(where + ": uploaded " + zip.path() + " (" + zip.bytes().length + " bytes)");
            }
            waiter(w -> w.waitUntilFunctionUpdatedV2(request()));
        }
        String version = lambda.publishVersion(b -> b.functionName(name).codeSha256(zip.codeSha256())
                .description(description)).functionArn();
        out.println(where + ": published " + FunctionArns.shortName(version));
        return version;
    }

    /** The newest published version whose code is {@code codeSha256}. */
    Optional<FunctionConfiguration> newestWith(String codeSha256) {
        FunctionConfiguration newest = null;
        for (FunctionConfiguration version : lambda.listVersionsByFunctionPaginator(b -> b.functionName(name))
                .versions()) {
            if (!version.version().equals("$LATEST") && codeSha256.equals(version.codeSha256())
                    && (newest == null || Long.parseLong(version.version()) > Long.parseLong(newest.version()))) {
                newest = version;
            }
        }
        return Optional.ofNullable(newest);
    }

    /** The ARN of a published version, which must exist. */
    String versionArn(String number) {
        return lambda.getFunctionConfiguration(b -> b.functionName(name).qualifier(number)).functionArn();
    }

    /** What status shows of a version. */
    StatusTable.Version describe(String versionArn) {
        var read = lambda.getFunctionConfiguration(b -> b.functionName(versionArn));
        return new StatusTable.Version(read.codeSha256(), read.description(), read.lastModified());
    }

    /** An upload is refused while another is applied; one that failed may be replaced. */
    private void awaitNoUpdateInProgress() {
        try {
            waiter(w -> w.waitUntilFunctionUpdatedV2(request()));
        } catch (Refused failedBefore) {
            // the last update failed: this upload replaces it
        }
    }

    private GetFunctionRequest request() {
        return GetFunctionRequest.builder().functionName(name).build();
    }

    private void waiter(java.util.function.Consumer<LambdaWaiter> wait) {
        try (LambdaWaiter waiter = LambdaWaiter.builder().client(lambda).overrideConfiguration(
                WaiterOverrideConfiguration.builder().waitTimeout(waitTimeout).maxAttempts(Integer.MAX_VALUE)
                        .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(pollInterval)).build()).build()) {
            wait.accept(waiter);
        } catch (SdkClientException e) {
            // The waiter's own failures (the update failed, the wait timed out) are client exceptions.
            var now = lambda.getFunctionConfiguration(b -> b.functionName(name));
            throw new Refused("Lambda did not apply the update to " + name + ": " + (now.lastUpdateStatusReason()
                    != null ? now.lastUpdateStatusReason() : e.getMessage()));
        }
    }
}
