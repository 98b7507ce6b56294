/** Test models: a custom resource group, as in Kubernetes' sample-controller. */
@GroupVersion(group = "samplecontroller.k8s.io", version = "v1alpha1")
package com.example.samplecontroller.v1alpha1;

import io.kubegen.annotations.GroupVersion;
