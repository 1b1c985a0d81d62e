package dev.registryedge.handler.core;

import java.util.List;

/**
 * A CloudFront event as a platform holds it, a tree of objects, arrays and strings: Java maps and
 * lists on the JVM, JavaScript objects on Node. Reading and writing events goes through this, so
 * that which fields are read and how a response looks is written once, in {@link CloudFrontEvent}.
 *
 * @param <N> the platform's type for a node of the tree
 */
public interface EventTree<N> {

    /** The named member of an object, or {@code null} when {@code node} is not an object or lacks it. */
    N member(N node, String name);

    /** The item of an array, or {@code null} when {@code node} is not an array or is shorter. */
    N item(N node, int index);

    /** The value as a string, or {@code null} when it is not one. */
    String text(N node);

    /** Whether the node is an object (not an array, a string, or null). */
    boolean isObject(N node);

    /** An empty object: the answer when an event holds nothing to hand back. */
    N newObject();

    /**
     * A generated response: {@code {status, statusDescription, headers: {name: [{key, value}]}}}.
     * One call rather than a node at a time: on Node every value crossing a generic interface is
     * wrapped, which made writing the 307 cost more than signing it.
     */
    N response(String status, String statusDescription, List<Redirect.Header> headers);
}
