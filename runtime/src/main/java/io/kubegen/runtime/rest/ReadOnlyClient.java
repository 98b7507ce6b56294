package io.kubegen.runtime.rest;

/**
 * The reading verbs of a typed client: {@code get}, {@code list}, {@code watch}. The typed client
 * of a read-only resource ({@code @GenClient(readonly = true)}) extends this and nothing that
 * writes.
 *
 * <p>Calls fail with {@link KubeApiException} carrying the server's {@code Status}.
 * Implementations are thread-safe.
 *
 * @param <T> the resource type
 */
public interface ReadOnlyClient<T> extends Gettable<T>, Listable<T>, Watchable<T> {
}
