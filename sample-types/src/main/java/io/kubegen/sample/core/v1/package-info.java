/**
 * The part of Kubernetes' core {@code v1} API the sample controller uses: {@link
 * io.kubegen.sample.core.v1.Event}. The core group is {@code ""}: URLs under {@code /api/v1},
 * generated package segment {@code core}.
 */
@GroupVersion(group = "", version = "v1")
package io.kubegen.sample.core.v1;

import io.kubegen.annotations.GroupVersion;
