package io.kubegen.runtime.api;

import java.util.Map;

/** Options that travel as URL query parameters. */
public interface QueryOptions {

  /** The query parameters these options stand for, in a stable order; unset options are left out. */
  Map<String, String> toQueryParameters();
}
