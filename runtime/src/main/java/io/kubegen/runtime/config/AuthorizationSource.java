package io.kubegen.runtime.config;

import java.util.Optional;

/**
 * Where the {@code Authorization} header of a request comes from: a static token, basic auth, a
 * token file that may rotate, or an exec credential plugin. Implementations are thread-safe.
 */
interface AuthorizationSource {
  /** No credentials: requests go out without an {@code Authorization} header. */
  AuthorizationSource NONE = new AuthorizationSource() {
    @Override
    public Optional<String> header() { return Optional.empty(); }

    @Override
    public void refresh() {}

    @Override
    public String toString() { return "none"; }
  };

  /** The header value for the next request, such as {@code "Bearer ..."}; may do I/O. */
  Optional<String> header();

  /** Forgets cached credentials; called after the server answered 401. */
  void refresh();

  /** A static header value; {@code description} is what {@link #toString()} shows instead. */
  static AuthorizationSource fixed(String headerValue, String description) {
    Optional<String> header = Optional.of(headerValue);
    return new AuthorizationSource() {
      @Override
      public Optional<String> header() { return header; }

      @Override
      public void refresh() {}

      @Override
      public String toString() { return description; }
    };
  }
}
