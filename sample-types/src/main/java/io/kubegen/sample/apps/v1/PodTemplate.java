package io.kubegen.sample.apps.v1;

import io.kubegen.runtime.api.ObjectMeta;
import java.util.ArrayList;
import java.util.List;

/** A pod template: its metadata (labels) and containers. Not thread-safe. */
public class PodTemplate {
  private ObjectMeta metadata = new ObjectMeta();
  private Spec spec = new Spec();

  public ObjectMeta getMetadata() { return metadata; }
  public void setMetadata(ObjectMeta metadata) { this.metadata = metadata; }
  public Spec getSpec() { return spec; }
  public void setSpec(Spec spec) { this.spec = spec; }

  /** The pod spec: its containers. */
  public static class Spec {
    private List<Container> containers = new ArrayList<>();

    /** The containers; never null. */
    public List<Container> getContainers() { return containers; }
    public void setContainers(List<Container> containers) {
      this.containers = containers == null ? new ArrayList<>() : new ArrayList<>(containers);
    }
  }

  /** One container: name and image. */
  public static class Container {
    private String name;
    private String image;

    /** An empty container, for JSON decoding. */
    public Container() {}

    /** A container named {@code name} running {@code image}. */
    public Container(String name, String image) {
      this.name = name;
      this.image = image;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getImage() { return image; }
    public void setImage(String image) { this.image = image; }
  }
}
