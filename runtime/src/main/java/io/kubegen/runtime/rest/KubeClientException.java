package io.kubegen.runtime.rest;

/**
 * A call to the API server failed without an HTTP answer to show for it: the connection failed
 * on every endpoint and retry, the call timed out, or it was interrupted or cancelled. Answers
 * the server did give (non-2xx) are {@link KubeApiException}s, a subclass. Messages name the
 * verb and URL, never a credential.
 */
public class KubeClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KubeClientException(String message) { super(message); }

  public KubeClientException(String message, Throwable cause) { super(message, cause); }
}
