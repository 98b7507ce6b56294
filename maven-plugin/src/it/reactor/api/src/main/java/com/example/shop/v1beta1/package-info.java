@GroupVersion(group = "shop.example.com", version = "v1beta1")
package com.example.shop.v1beta1;

import io.kubegen.annotations.GroupVersion;
