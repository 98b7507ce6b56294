package io.kubegen.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code registerCrds} with explicit class loaders: several indexes, the context loader, missing files. */
@Timeout(30)
class CrdRegistrationTest {
  @TempDir
  Path dir;

  private static String crd(String plural, String kind) {
    return """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: %1$s.multi.example.com}
        spec:
          group: multi.example.com
          scope: Cluster
          names: {kind: %2$s, plural: %1$s}
          versions:
          - name: v1
            served: true
            storage: true
            schema: {openAPIV3Schema: {type: object, properties: {spec: {type: object, properties: {n: {type: integer}}}}}}
        """.formatted(plural, kind);
  }

  /** A class-path root (as a jar would be) holding an index and the files it names. */
  private Path root(String name, String index, String... files) throws IOException {
    Path crds = Files.createDirectories(dir.resolve(name).resolve("META-INF/kubegen/crds"));
    Files.writeString(crds.resolve("index"), index);
    for (int i = 0; i < files.length; i += 2) {
      Files.writeString(crds.resolve(files[i]), files[i + 1]);
    }
    return dir.resolve(name);
  }

  private static URLClassLoader loader(Path... roots) throws IOException {
    URL[] urls = new URL[roots.length];
    for (int i = 0; i < roots.length; i++) {
      urls[i] = roots[i].toUri().toURL();
    }
    return new URLClassLoader(urls, null);
  }

  @Test
  void everyIndexOnTheLoaderIsRead() throws Exception {
    Path a = root("a", "# first\nalphas.multi.example.com.yaml\n", "alphas.multi.example.com.yaml", crd("alphas", "Alpha"));
    Path b = root("b", "betas.multi.example.com.yaml\n", "betas.multi.example.com.yaml", crd("betas", "Beta"));
    try (EmbeddedApiServer server = EmbeddedApiServer.start(); URLClassLoader loader = loader(a, b)) {
      server.registerCrds(loader);
      assertThat(server.resources()).extracting(ResourceDefinition::plural).contains("alphas", "betas");
      Http http = new Http(server.url());
      assertThat(http.post("/apis/multi.example.com/v1/alphas", "{\"metadata\":{\"name\":\"x\"},\"spec\":{\"n\":\"one\"}}")
          .code()).isEqualTo(422);
    }
  }

  @Test
  void theContextClassLoaderIsUsedWhenSet() throws Exception {
    Path c = root("c", "gammas.multi.example.com.yaml\n", "gammas.multi.example.com.yaml", crd("gammas", "Gamma"));
    ClassLoader before = Thread.currentThread().getContextClassLoader();
    try (EmbeddedApiServer server = EmbeddedApiServer.start(); URLClassLoader loader = loader(c)) {
      Thread.currentThread().setContextClassLoader(loader);
      server.registerCrds();
      assertThat(server.resources()).extracting(ResourceDefinition::plural).contains("gammas").doesNotContain("widgets");
    } finally {
      Thread.currentThread().setContextClassLoader(before);
    }
  }

  @Test
  void aFileTheIndexNamesButNobodyShipsFailsWithItsUrl() throws Exception {
    Path d = root("d", "missing.multi.example.com.yaml\n");
    try (EmbeddedApiServer server = EmbeddedApiServer.start(); URLClassLoader loader = loader(d)) {
      assertThatThrownBy(() -> server.registerCrds(loader)).isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("META-INF/kubegen/crds/missing.multi.example.com.yaml");
    }
  }

  @Test
  void brokenYamlNamesTheFile() throws Exception {
    Path e = root("e", "broken.yaml\n", "broken.yaml", "apiVersion: [unclosed\n");
    try (EmbeddedApiServer server = EmbeddedApiServer.start(); URLClassLoader loader = loader(e)) {
      assertThatThrownBy(() -> server.registerCrds(loader)).hasMessageContaining("broken.yaml");
    }
  }
}
