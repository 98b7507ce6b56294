package io.kubegen.gen.model;

import io.kubegen.annotations.Verb;
import java.util.Objects;

/**
 * One {@code @GenClient.Method}: an extra typed-client method on the object or a subresource.
 *
 * <p>Signatures generated for it (client-gen): {@code GET} → {@code R name(String name)} and
 * {@code R name(String name, GetOptions)}; {@code CREATE}/{@code UPDATE} → {@code R name(String
 * name, I body)} and with {@code CreateOptions}/{@code UpdateOptions}; {@code PATCH} →
 * {@code R name(String name, PatchType, String body)}; {@code DELETE} → {@code void name(String
 * name)}; {@code LIST} (no subresource) → {@code ObjectList<R> name(ListOptions)}.
 *
 * @param name the Java method name
 * @param verb one of {@code GET}, {@code CREATE}, {@code UPDATE}, {@code PATCH}, {@code LIST},
 *     {@code DELETE}
 * @param subresource the subresource, {@code ""} for the object itself
 * @param input the body type ({@code CREATE}/{@code UPDATE}), the resource type when not given
 * @param result the decoded result type, the resource type when not given
 */
public record ExtraMethod(String name, Verb verb, String subresource, TypeRef input, TypeRef result) {

  public ExtraMethod {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(subresource, "subresource");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(result, "result");
  }

  /** Whether the call goes to a subresource. */
  public boolean hasSubresource() {
    return !subresource.isEmpty();
  }

  /** Whether the method sends a body ({@code CREATE}, {@code UPDATE}). */
  public boolean hasBody() {
    return verb == Verb.CREATE || verb == Verb.UPDATE;
  }
}
