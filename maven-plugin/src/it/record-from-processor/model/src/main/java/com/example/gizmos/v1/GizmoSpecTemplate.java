package com.example.gizmos.v1;

import com.example.records.MakeRecord;

/** The shape of a gizmo's spec; the record GizmoSpec is generated from it. */
@MakeRecord("GizmoSpec")
public interface GizmoSpecTemplate {
  String owner();

  int size();
}
