package io.kubegen.runtime.testing;

import io.kubegen.runtime.api.GroupVersionResource;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.PatchType;
import java.util.Objects;

/**
 * One call a fake client made, as client-go's {@code testing.Action}: recorded by the
 * {@link ObjectTracker} in order, handed to reactors. Verbs are client-go's: {@code create},
 * {@code update}, {@code delete}, {@code delete-collection}, {@code get}, {@code list},
 * {@code watch}, {@code patch}; {@code updateStatus} is {@code update} with subresource
 * {@code status}.
 *
 * @param verb the verb
 * @param resource the resource
 * @param namespace the namespace of the call, or null (cluster-scoped or all namespaces)
 * @param name the object's name, or null for collection calls
 * @param subresource the subresource, or null
 * @param object the object or body sent (create, update), or null
 * @param listOptions the list options (list, watch, delete-collection), or null
 * @param patchType the patch type (patch), or null
 * @param patch the patch body (patch), or null
 */
public record Action(String verb, GroupVersionResource resource, String namespace, String name, String subresource,
    Object object, ListOptions listOptions, PatchType patchType, String patch) {

  /** {@code create}. */
  public static final String CREATE = "create";
  /** {@code update}. */
  public static final String UPDATE = "update";
  /** {@code delete}. */
  public static final String DELETE = "delete";
  /** {@code delete-collection}. */
  public static final String DELETE_COLLECTION = "delete-collection";
  /** {@code get}. */
  public static final String GET = "get";
  /** {@code list}. */
  public static final String LIST = "list";
  /** {@code watch}. */
  public static final String WATCH = "watch";
  /** {@code patch}. */
  public static final String PATCH = "patch";
  /** Matches every verb or resource in {@link ObjectTracker#prependReactor}. */
  public static final String ANY = "*";

  public Action {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(resource, "resource");
  }

  /** Whether this action matches {@code verb} and {@code resource} (plural); {@code "*"} matches anything. */
  public boolean matches(String verb, String resource) {
    return (ANY.equals(verb) || this.verb.equals(verb)) && (ANY.equals(resource) || this.resource.resource().equals(resource));
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(verb).append(' ').append(resource.resource());
    if (subresource != null) {
      b.append('/').append(subresource);
    }
    if (namespace != null) {
      b.append(" ns=").append(namespace);
    }
    if (name != null) {
      b.append(" name=").append(name);
    }
    return b.toString();
  }
}
