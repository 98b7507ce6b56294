package io.kubegen.runtime.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Standard object metadata ({@code metadata}): a mutable bean with a getter and setter per field,
 * and a fluent {@link #builder()}. Maps and lists are never null from their getters: a missing
 * one is created empty on first access and left out of the JSON while empty.
 * {@code managedFields} is kept as opaque JSON.
 *
 * <p>Not thread-safe. Objects handed out by a cache share their metadata: copy before mutating.
 */
public class ObjectMeta {
  private String name;
  private String generateName;
  private String namespace;
  private String uid;
  private String resourceVersion;
  private Long generation;
  private Instant creationTimestamp;
  private Instant deletionTimestamp;
  private Long deletionGracePeriodSeconds;
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private Map<String, String> labels;
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private Map<String, String> annotations;
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<OwnerReference> ownerReferences;
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<String> finalizers;
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private List<JsonNode> managedFields;

  /** Empty metadata. */
  public ObjectMeta() {}

  /** A fluent builder: {@code ObjectMeta.builder().name("a").namespace("b").build()}. */
  public static Builder builder() { return new Builder(); }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getGenerateName() { return generateName; }
  public void setGenerateName(String generateName) { this.generateName = generateName; }
  public String getNamespace() { return namespace; }
  /** Sets the namespace; equal namespaces of different objects share one string instance. */
  public void setNamespace(String namespace) { this.namespace = SharedStrings.share(namespace); }
  public String getUid() { return uid; }
  public void setUid(String uid) { this.uid = uid; }
  public String getResourceVersion() { return resourceVersion; }
  public void setResourceVersion(String resourceVersion) { this.resourceVersion = resourceVersion; }
  public Long getGeneration() { return generation; }
  public void setGeneration(Long generation) { this.generation = generation; }
  public Instant getCreationTimestamp() { return creationTimestamp; }
  public void setCreationTimestamp(Instant creationTimestamp) { this.creationTimestamp = creationTimestamp; }
  public Instant getDeletionTimestamp() { return deletionTimestamp; }
  public void setDeletionTimestamp(Instant deletionTimestamp) { this.deletionTimestamp = deletionTimestamp; }
  public Long getDeletionGracePeriodSeconds() { return deletionGracePeriodSeconds; }
  public void setDeletionGracePeriodSeconds(Long seconds) { this.deletionGracePeriodSeconds = seconds; }

  /** The labels; never null (an empty, mutable map when none are set). */
  public Map<String, String> getLabels() {
    if (labels == null) {
      labels = new LinkedHashMap<>();
    }
    return labels;
  }

  /**
   * Sets the labels to a mutable copy of {@code labels} (null for none); equal label values of
   * different objects share one string instance ({@link SharedStrings#shareLabelValue}).
   */
  public void setLabels(Map<String, String> labels) {
    this.labels = labels == null ? null : shareValues(new LinkedHashMap<>(labels));
  }

  /** The labels as decoded: the decoder's map is this object's own, so it is kept, not copied. */
  @JsonSetter("labels")
  private void decodedLabels(LinkedHashMap<String, String> labels) {
    this.labels = labels == null ? null : shareValues(labels);
  }

  private static LinkedHashMap<String, String> shareValues(LinkedHashMap<String, String> labels) {
    labels.replaceAll((key, value) -> SharedStrings.shareLabelValue(value));
    return labels;
  }

  /** The annotations; never null (an empty, mutable map when none are set). */
  public Map<String, String> getAnnotations() {
    if (annotations == null) {
      annotations = new LinkedHashMap<>();
    }
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = annotations == null ? null : new LinkedHashMap<>(annotations);
  }

  /** The annotations as decoded: the decoder's map is this object's own, so it is kept, not copied. */
  @JsonSetter("annotations")
  private void decodedAnnotations(LinkedHashMap<String, String> annotations) {
    this.annotations = annotations;
  }

  /** The owner references; never null. */
  public List<OwnerReference> getOwnerReferences() {
    if (ownerReferences == null) {
      ownerReferences = new ArrayList<>();
    }
    return ownerReferences;
  }

  public void setOwnerReferences(List<OwnerReference> refs) { this.ownerReferences = refs == null ? null : new ArrayList<>(refs); }

  /** The finalizers; never null. */
  public List<String> getFinalizers() {
    if (finalizers == null) {
      finalizers = new ArrayList<>();
    }
    return finalizers;
  }

  public void setFinalizers(List<String> finalizers) { this.finalizers = finalizers == null ? null : new ArrayList<>(finalizers); }

  /** The server-side apply field ownership entries, as opaque JSON; never null. */
  public List<JsonNode> getManagedFields() {
    if (managedFields == null) {
      managedFields = new ArrayList<>();
    }
    return managedFields;
  }

  public void setManagedFields(List<JsonNode> managedFields) {
    this.managedFields = managedFields == null ? null : new ArrayList<>(managedFields);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ObjectMeta m
        && Objects.equals(name, m.name) && Objects.equals(generateName, m.generateName)
        && Objects.equals(namespace, m.namespace) && Objects.equals(uid, m.uid)
        && Objects.equals(resourceVersion, m.resourceVersion) && Objects.equals(generation, m.generation)
        && Objects.equals(creationTimestamp, m.creationTimestamp)
        && Objects.equals(deletionTimestamp, m.deletionTimestamp)
        && Objects.equals(deletionGracePeriodSeconds, m.deletionGracePeriodSeconds)
        && Objects.equals(emptyToNull(labels), emptyToNull(m.labels))
        && Objects.equals(emptyToNull(annotations), emptyToNull(m.annotations))
        && Objects.equals(emptyToNull(ownerReferences), emptyToNull(m.ownerReferences))
        && Objects.equals(emptyToNull(finalizers), emptyToNull(m.finalizers))
        && Objects.equals(emptyToNull(managedFields), emptyToNull(m.managedFields));
  }

  @Override
  public int hashCode() { return Objects.hash(name, namespace, uid, resourceVersion); }

  @Override
  public String toString() {
    return "ObjectMeta{" + (namespace == null ? "" : namespace + "/") + name
        + ", uid=" + uid + ", resourceVersion=" + resourceVersion + "}";
  }

  private static Object emptyToNull(Map<?, ?> map) { return map == null || map.isEmpty() ? null : map; }

  private static Object emptyToNull(List<?> list) { return list == null || list.isEmpty() ? null : list; }

  /** Fluent builder for {@link ObjectMeta}. */
  public static final class Builder {
    private final ObjectMeta meta = new ObjectMeta();

    private Builder() {}

    public Builder name(String name) { meta.setName(name); return this; }
    public Builder generateName(String generateName) { meta.setGenerateName(generateName); return this; }
    public Builder namespace(String namespace) { meta.setNamespace(namespace); return this; }
    public Builder uid(String uid) { meta.setUid(uid); return this; }
    public Builder resourceVersion(String resourceVersion) { meta.setResourceVersion(resourceVersion); return this; }
    public Builder generation(long generation) { meta.setGeneration(generation); return this; }
    public Builder creationTimestamp(Instant at) { meta.setCreationTimestamp(at); return this; }
    public Builder deletionTimestamp(Instant at) { meta.setDeletionTimestamp(at); return this; }
    public Builder labels(Map<String, String> labels) { meta.setLabels(labels); return this; }
    public Builder label(String key, String value) { meta.getLabels().put(key, value); return this; }
    public Builder annotations(Map<String, String> annotations) { meta.setAnnotations(annotations); return this; }
    public Builder annotation(String key, String value) { meta.getAnnotations().put(key, value); return this; }
    public Builder ownerReferences(List<OwnerReference> refs) { meta.setOwnerReferences(refs); return this; }
    public Builder ownerReference(OwnerReference ref) { meta.getOwnerReferences().add(ref); return this; }
    public Builder finalizers(List<String> finalizers) { meta.setFinalizers(finalizers); return this; }
    public Builder finalizer(String finalizer) { meta.getFinalizers().add(finalizer); return this; }

    /** The metadata built so far; the builder must not be used afterwards. */
    public ObjectMeta build() { return meta; }
  }
}
