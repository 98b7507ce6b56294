package io.kubegen.runtime.cache;

import io.kubegen.runtime.rest.KubeApiException;
import java.net.ConnectException;

/** How the reflector classifies the errors of list and watch calls. */
final class ApiErrors {
  private ApiErrors() {}

  /** The resourceVersion or continue token is too old (410 Gone / Expired). */
  static boolean isExpired(Throwable t) {
    KubeApiException api = find(t, KubeApiException.class);
    return api != null && (api.isGone() || api.isExpired());
  }

  /** The server asked us to slow down (429). */
  static boolean isTooManyRequests(Throwable t) {
    KubeApiException api = find(t, KubeApiException.class);
    return api != null && api.isTooManyRequests();
  }

  /** The server could not be reached at all. */
  static boolean isConnectionRefused(Throwable t) {
    return find(t, ConnectException.class) != null;
  }

  private static <E extends Throwable> E find(Throwable t, Class<E> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }
}
