package io.kubegen.runtime.rest;

/**
 * Every verb of a typed client on the object itself: the reading ones of {@link ReadOnlyClient}
 * and {@code create}, {@code update}, {@code delete}, {@code deleteCollection}, {@code patch},
 * {@code apply}. Writes return the object as the server stored it, and fill in a null
 * {@code apiVersion} or {@code kind} from the resource. The {@code status} verbs are in
 * {@link StatusWriter}.
 *
 * <p>Calls fail with {@link KubeApiException} carrying the server's {@code Status}.
 * Implementations are thread-safe.
 *
 * @param <T> the resource type
 */
public interface WritableClient<T>
    extends ReadOnlyClient<T>, Creatable<T>, Updatable<T>, Deletable, CollectionDeletable, Patchable<T>, Appliable<T> {
}
