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

  /**
   * The resourceVersion asked for is newer than the server's newest: the cause
   * {@code ResourceVersionTooLarge}, or (older servers) a 504 whose message says so.
   */
  static boolean isTooLargeResourceVersion(Throwable t) {
    KubeApiException api = find(t, KubeApiException.class);
    if (api == null) {
      return false;
    }
    var details = api.status() == null ? null : api.status().getDetails();
    if (details != null && details.getCauses() != null
        && details.getCauses().stream().anyMatch(c -> "ResourceVersionTooLarge".equals(c.getReason()))) {
      return true;
    }
    String message = api.getMessage();
    return api.code() == 504 && message != null && message.contains("Too large resource version");
  }

  /**
   * The server refused a watch-list request as a request it does not accept (400, 405, 422):
   * it does not know or does not allow the streaming protocol.
   */
  static boolean refusesRequest(Throwable t) {
    KubeApiException api = find(t, KubeApiException.class);
    return api != null && (api.code() == 400 || api.code() == 405 || api.code() == 422);
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
