/**
 * The sample controller's own API, {@code samplecontroller.k8s.io/v1alpha1}: {@link
 * io.kubegen.sample.samplecontroller.v1alpha1.Foo} (namespaced, with a status) and {@link
 * io.kubegen.sample.samplecontroller.v1alpha1.FooPolicy} (cluster-scoped, a record).
 */
@GroupVersion(group = "samplecontroller.k8s.io", version = "v1alpha1")
package io.kubegen.sample.samplecontroller.v1alpha1;

import io.kubegen.annotations.GroupVersion;
