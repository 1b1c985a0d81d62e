package dev.registryedge.cli.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Keeps the body of a response as AWS sent it, for the requests that ask for it with
 * {@link #SINK}: the CloudFront client must be built with this interceptor, so that a
 * configuration can be compared with what the SDK's model made of it.
 */
public final class RawResponses implements ExecutionInterceptor {

    /** Where a request wants its response's body. */
    static final ExecutionAttribute<AtomicReference<byte[]>> SINK = new ExecutionAttribute<>("registry-edge.raw-body");

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        AtomicReference<byte[]> sink = attributes.getAttribute(SINK);
        if (sink == null || context.responseBody().isEmpty()) {
            return context.responseBody();
        }
        try (InputStream body = context.responseBody().get()) {
            byte[] bytes = body.readAllBytes();
            sink.set(bytes);
            return Optional.of(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
