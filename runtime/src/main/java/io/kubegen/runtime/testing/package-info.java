/**
 * Fakes for tests, the counterpart of client-go's {@code testing} package: {@link
 * io.kubegen.runtime.testing.ObjectTracker} (an in-memory store with resourceVersions, selectors,
 * watches, reactors and recorded actions), {@link io.kubegen.runtime.testing.FakeResourceClient}
 * (the fake {@code ResourceClient} generated fake clients delegate to) and {@link
 * io.kubegen.runtime.testing.FakeClientsetBase} (the base of generated {@code FakeClientset}s).
 */
package io.kubegen.runtime.testing;
