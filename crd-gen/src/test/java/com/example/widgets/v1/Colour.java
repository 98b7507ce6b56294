package com.example.widgets.v1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The colours a widget comes in. */
public enum Colour {
  RED,
  GREEN,
  @JsonProperty("sky-blue")
  BLUE
}
