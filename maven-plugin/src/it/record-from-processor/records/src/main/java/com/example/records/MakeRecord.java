package com.example.records;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Asks {@link RecordProcessor} for a record named {@link #value()} with the interface's methods as components. */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface MakeRecord {
  /** The simple name of the record, in the interface's package. */
  String value();
}
