package io.kubegen.benchmarks.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a synthetic model of {@code count} {@code @GenClient} resource types, spread over
 * ten group versions, each a POJO with spec and status classes, like a hand-written CRD model.
 */
final class ModelSources {
  private static final int GROUPS = 10;

  private ModelSources() {}

  /** Writes the model under {@code root}; returns the files written. */
  static List<Path> write(Path root, int count) throws IOException {
    List<Path> files = new ArrayList<>();
    for (int g = 0; g < GROUPS; g++) {
      String pkg = "bench.model.group" + g + ".v1";
      Path dir = root.resolve(pkg.replace('.', '/'));
      Files.createDirectories(dir);
      Path info = dir.resolve("package-info.java");
      Files.writeString(info, "@io.kubegen.annotations.GroupVersion(group = \"group" + g
          + ".bench.example.com\", version = \"v1\")\npackage " + pkg + ";\n");
      files.add(info);
    }
    for (int i = 0; i < count; i++) {
      String pkg = "bench.model.group" + (i % GROUPS) + ".v1";
      String name = "Resource" + i;
      Path file = root.resolve(pkg.replace('.', '/')).resolve(name + ".java");
      Files.writeString(file, source(pkg, name, i));
      files.add(file);
    }
    return files;
  }

  private static String source(String pkg, String name, int i) {
    boolean clusterScoped = i % 7 == 0;
    return "package " + pkg + ";\n"
        + "\n"
        + "import io.kubegen.annotations.GenClient;\n"
        + "import io.kubegen.annotations.GenIndex;\n"
        + "import io.kubegen.runtime.api.KubernetesObject;\n"
        + "import io.kubegen.runtime.api.ObjectMeta;\n"
        + "import java.util.List;\n"
        + "import java.util.Map;\n"
        + "\n"
        + "@GenClient" + (clusterScoped ? "(namespaced = false)" : "") + "\n"
        + "@GenIndex(name = \"byOwner\", path = \"spec.owner\")\n"
        + "public class " + name + " implements KubernetesObject {\n"
        + "  private String apiVersion;\n"
        + "  private String kind;\n"
        + "  private ObjectMeta metadata = new ObjectMeta();\n"
        + "  private Spec spec = new Spec();\n"
        + "  private Status status;\n"
        + "\n"
        + "  public String getApiVersion() { return apiVersion; }\n"
        + "  public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }\n"
        + "  public String getKind() { return kind; }\n"
        + "  public void setKind(String kind) { this.kind = kind; }\n"
        + "  public ObjectMeta getMetadata() { return metadata; }\n"
        + "  public void setMetadata(ObjectMeta metadata) { this.metadata = metadata; }\n"
        + "  public Spec getSpec() { return spec; }\n"
        + "  public void setSpec(Spec spec) { this.spec = spec; }\n"
        + "  public Status getStatus() { return status; }\n"
        + "  public void setStatus(Status status) { this.status = status; }\n"
        + "\n"
        + "  public static class Spec {\n"
        + "    private String owner;\n"
        + "    private int replicas;\n"
        + "    private List<String> tags;\n"
        + "    private Map<String, String> settings;\n"
        + "    public String getOwner() { return owner; }\n"
        + "    public void setOwner(String owner) { this.owner = owner; }\n"
        + "    public int getReplicas() { return replicas; }\n"
        + "    public void setReplicas(int replicas) { this.replicas = replicas; }\n"
        + "    public List<String> getTags() { return tags; }\n"
        + "    public void setTags(List<String> tags) { this.tags = tags; }\n"
        + "    public Map<String, String> getSettings() { return settings; }\n"
        + "    public void setSettings(Map<String, String> settings) { this.settings = settings; }\n"
        + "  }\n"
        + "\n"
        + "  public static class Status {\n"
        + "    private int ready;\n"
        + "    private String phase;\n"
        + "    public int getReady() { return ready; }\n"
        + "    public void setReady(int ready) { this.ready = ready; }\n"
        + "    public String getPhase() { return phase; }\n"
        + "    public void setPhase(String phase) { this.phase = phase; }\n"
        + "  }\n"
        + "}\n";
  }
}
