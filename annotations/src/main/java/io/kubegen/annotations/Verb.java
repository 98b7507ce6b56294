package io.kubegen.annotations;

/**
 * The operations a generated typed client can offer, after client-go's {@code +genclient}
 * verbs. Used by {@link GenClient#onlyVerbs()}, {@link GenClient#skipVerbs()} and
 * {@link GenClient.Method#verb()}.
 */
public enum Verb {
  /** {@code create(T)}: POST to the collection. */
  CREATE,
  /** {@code update(T)}: PUT to the object. */
  UPDATE,
  /** {@code updateStatus(T)}: PUT to the object's {@code /status} subresource. */
  UPDATE_STATUS,
  /** {@code delete(name)}: DELETE of one object. */
  DELETE,
  /** {@code deleteCollection(DeleteOptions, ListOptions)}: DELETE of the collection. */
  DELETE_COLLECTION,
  /** {@code get(name)}: GET of one object. */
  GET,
  /** {@code list(ListOptions)}: GET of the collection. Listers and informers need it. */
  LIST,
  /** {@code watch(ListOptions)}: a watch stream on the collection. Listers and informers need it. */
  WATCH,
  /** {@code patch(name, PatchType, body)}: PATCH of the object or one of its subresources. */
  PATCH,
  /** {@code apply(T, fieldManager)}: server-side apply of the object. */
  APPLY,
  /** {@code applyStatus(T, fieldManager)}: server-side apply of the {@code /status} subresource. */
  APPLY_STATUS
}
