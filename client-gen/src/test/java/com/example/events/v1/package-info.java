/** Test model: a second named group with read-only and restricted types. */
@GroupVersion(group = "events.example.com", version = "v1")
package com.example.events.v1;

import io.kubegen.annotations.GroupVersion;
