@GroupVersion(group = "widgets.example.com", version = "v1")
package com.example.widgets.v1;

import io.kubegen.annotations.GroupVersion;
