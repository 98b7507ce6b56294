package io.kubegen.runtime.config;

/**
 * A client configuration is missing, unreadable or wrong. The message names the file (when
 * there is one) and the field, for example
 * {@code /home/a/.kube/config: users[1].user.client-key-data: not a PEM private key}. Messages
 * never contain credentials: tokens, passwords, key material and exec plugin output are left
 * out, and causes that could echo them are not attached.
 */
public class KubeConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KubeConfigException(String message) { super(message); }

  public KubeConfigException(String message, Throwable cause) { super(message, cause); }
}
