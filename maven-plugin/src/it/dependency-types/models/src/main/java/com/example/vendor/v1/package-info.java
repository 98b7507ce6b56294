@GroupVersion(group = "vendor.example.com", version = "v1")
package com.example.vendor.v1;

import io.kubegen.annotations.GroupVersion;
