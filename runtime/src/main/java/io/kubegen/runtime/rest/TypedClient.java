package io.kubegen.runtime.rest;

import io.kubegen.runtime.api.CreateOptions;
import io.kubegen.runtime.api.DeleteOptions;
import io.kubegen.runtime.api.GetOptions;
import io.kubegen.runtime.api.KubernetesObject;
import io.kubegen.runtime.api.ListOptions;
import io.kubegen.runtime.api.ObjectList;
import io.kubegen.runtime.api.PatchOptions;
import io.kubegen.runtime.api.PatchType;
import io.kubegen.runtime.api.UpdateOptions;
import io.kubegen.runtime.watch.Watch;
import java.util.Objects;

/**
 * The one implementation behind every generated typed client (client-go's {@code gentype.Client}):
 * each verb goes to a {@link ResourceOperations}, a {@link ResourceClient} in the REST clientset and
 * a {@code FakeResourceClient} in the fake one. A generated {@code FooClient} declares which of the
 * verb interfaces it offers ({@link WritableClient}, {@link ReadOnlyClient}, {@link StatusWriter} or
 * single verbs); its implementation extends this class and adds only the methods of
 * {@code @GenClient.Method}, through {@link #operations()}.
 *
 * <p>Immutable; thread-safe as its {@code ResourceOperations} is (both of the runtime's are).
 *
 * @param <T> the resource type
 */
public class TypedClient<T extends KubernetesObject> implements WritableClient<T>, StatusWriter<T> {
  private final ResourceOperations<T> operations;

  /** A client sending every call to {@code operations}. */
  protected TypedClient(ResourceOperations<T> operations) {
    this.operations = Objects.requireNonNull(operations, "operations");
  }

  /** Where the calls go: for the methods of {@code @GenClient.Method} (subresources). */
  protected final ResourceOperations<T> operations() {
    return operations;
  }

  @Override
  public T create(T obj, CreateOptions options) {
    return operations.create(obj, options);
  }

  @Override
  public T update(T obj, UpdateOptions options) {
    return operations.update(obj, options);
  }

  @Override
  public T updateStatus(T obj, UpdateOptions options) {
    return operations.updateStatus(obj, options);
  }

  @Override
  public void delete(String name, DeleteOptions options) {
    operations.delete(name, options);
  }

  @Override
  public void deleteCollection(DeleteOptions options, ListOptions listOptions) {
    operations.deleteCollection(options, listOptions);
  }

  @Override
  public T get(String name, GetOptions options) {
    return operations.get(name, options);
  }

  @Override
  public ObjectList<T> list(ListOptions options) {
    return operations.list(options);
  }

  @Override
  public Watch<T> watch(ListOptions options) {
    return operations.watch(options);
  }

  @Override
  public T patch(String name, PatchType patchType, String body, PatchOptions options, String... subresources) {
    return operations.patch(name, patchType, body, options, subresources);
  }

  @Override
  public T apply(T obj, PatchOptions options) {
    return operations.apply(obj, options);
  }

  @Override
  public T applyStatus(T obj, PatchOptions options) {
    return operations.applyStatus(obj, options);
  }

  @Override
  public String toString() {
    return operations.toString();
  }
}
