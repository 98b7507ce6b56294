/** The widgets API, version v1beta1 (still served). */
@GroupVersion(group = "widgets.example.com", version = "v1beta1")
package com.example.widgets.v1beta1;

import io.kubegen.annotations.GroupVersion;
