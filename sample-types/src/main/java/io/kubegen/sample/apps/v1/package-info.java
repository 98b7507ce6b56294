/**
 * The part of Kubernetes' {@code apps/v1} API the sample controller uses: {@link
 * io.kubegen.sample.apps.v1.Deployment} with the fields it reads and writes. Fields the model
 * leaves out are ignored when decoding.
 */
@GroupVersion(group = "apps", version = "v1")
package io.kubegen.sample.apps.v1;

import io.kubegen.annotations.GroupVersion;
