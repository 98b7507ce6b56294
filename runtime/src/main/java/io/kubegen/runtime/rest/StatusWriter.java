package io.kubegen.runtime.rest;

/**
 * The verbs of the {@code status} subresource: {@code updateStatus} and {@code applyStatus}.
 * Generated typed clients extend it when their resource has a status.
 *
 * @param <T> the resource type
 */
public interface StatusWriter<T> extends StatusUpdatable<T>, StatusAppliable<T> {
}
