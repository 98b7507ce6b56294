@GroupVersion(group = "gadgets.example.com", version = "v1")
package com.example.gadgets.v1;

import io.kubegen.annotations.GroupVersion;
