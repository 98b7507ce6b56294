package com.example.vendor.v1;

/** Not a resource type: listed by the package wildcard but ignored by the generators. */
public final class GizmoHelper {
  private GizmoHelper() {}
}
