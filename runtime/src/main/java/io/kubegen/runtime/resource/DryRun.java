package io.kubegen.runtime.resource;

/** Whether writes are made, as kubectl's {@code --dry-run} flag. */
public enum DryRun {
  /** Writes are made. */
  NONE,
  /**
   * Nothing is written and no write is sent: objects are read, checked and mapped, and a write
   * answers with the object as it would be sent (a patch is applied locally to the object read from
   * the server; a delete answers with the object it would delete).
   */
  CLIENT,
  /** Writes are sent with {@code dryRun=All}: the server checks them and answers as if it stored them, storing nothing. */
  SERVER
}
