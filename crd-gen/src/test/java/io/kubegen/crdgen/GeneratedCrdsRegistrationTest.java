package io.kubegen.crdgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import io.kubegen.apiserver.EmbeddedApiServer;
import io.kubegen.gen.testing.GoldenFiles;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CRDs generated for the richer test model, installed through the generated accessor
 * ({@code CustomResourceDefinitions.urls()}) with {@link EmbeddedApiServer#registerCrds(java.util.Collection)},
 * and their schemas enforced over HTTP: a Widget that breaks an enum, a pattern and bounds is
 * refused with 422 and one cause per field path; a good one is stored with its unknown fields
 * pruned and its preserved ones kept.
 */
@Timeout(60)
class GeneratedCrdsRegistrationTest {
  private static final String WIDGETS = "/apis/widgets.example.com/v1/namespaces/default/widgets";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path classOutput;
  private EmbeddedApiServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeEach
  void registerTheGeneratedCrds() throws ReflectiveOperationException {
    Compilation c = CrdCompilation.compile(GoldenFiles.sources(GoldenFilesTest.MODELS), "com.example.generated");
    ClassLoader loader = InMemoryClasses.withResources(c, classOutput);
    @SuppressWarnings("unchecked")
    List<URL> urls = (List<URL>) loader.loadClass("com.example.generated.crds.CustomResourceDefinitions")
        .getMethod("urls").invoke(null);
    assertThat(urls).extracting(URL::getPath).allMatch(p -> p.startsWith(classOutput.toUri().getPath()))
        .anyMatch(p -> p.endsWith("/META-INF/kubegen/crds/widgets.widgets.example.com.yaml"));
    server = EmbeddedApiServer.start();
    assertThat(server.registerCrds(urls)).isSameAs(server);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aWidgetBreakingEnumPatternAndBoundsIsRefusedWithTheFieldPaths() throws Exception {
    HttpResponse<String> r = post(widget("bad", "{\"name\": \"Oak_Box\", \"colour\": \"purple\", \"serial\": 1,"
        + " \"replicas\": 101, \"spareParts\": [{\"number\": \"p1\", \"quantity\": 0}]}"));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    JsonNode status = JSON.readTree(r.body());
    assertThat(status.path("reason").asText()).isEqualTo("Invalid");
    assertThat(status.at("/details/kind").asText()).isEqualTo("Widget");
    assertThat(status.at("/details/name").asText()).isEqualTo("bad");
    assertThat(causes(status, "field")).containsExactlyInAnyOrder(
        "spec.colour", "spec.name", "spec.replicas", "spec.spareParts[0].quantity");
    assertThat(cause(status, "spec.colour").path("reason").asText()).isEqualTo("FieldValueNotSupported");
    assertThat(cause(status, "spec.colour").path("message").asText())
        .isEqualTo("Unsupported value: \"purple\": supported values: \"RED\", \"GREEN\", \"sky-blue\"");
    assertThat(cause(status, "spec.name").path("message").asText())
        .isEqualTo("Invalid value: \"Oak_Box\": spec.name in body should match '^[a-z][a-z0-9-]*$'");
    assertThat(cause(status, "spec.replicas").path("message").asText())
        .isEqualTo("Invalid value: 101: spec.replicas in body should be less than or equal to 100");
    assertThat(cause(status, "spec.spareParts[0].quantity").path("message").asText())
        .isEqualTo("Invalid value: 0: spec.spareParts[0].quantity in body should be greater than or equal to 1");
    assertThat(get("/bad").statusCode()).isEqualTo(404);
  }

  @Test
  void aMissingRequiredFieldIsRefused() throws Exception {
    HttpResponse<String> r = post(widget("no-serial", "{\"name\": \"oak\", \"colour\": \"RED\"}"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    JsonNode status = JSON.readTree(r.body());
    assertThat(causes(status, "field")).containsExactly("spec.serial");
    assertThat(causes(status, "reason")).containsExactly("FieldValueRequired");
  }

  @Test
  void aGoodWidgetIsStoredWithUnknownFieldsPrunedAndPreservedOnesKept() throws Exception {
    HttpResponse<String> r = post(widget("oak-box", "{\"name\": \"oak-box\", \"colour\": \"sky-blue\", \"serial\": 42,"
        + " \"replicas\": 100, \"port\": 8080, \"internalNotes\": \"dropped\", \"bogus\": 1,"
        + " \"mainPart\": {\"number\": \"p1\", \"quantity\": 1, \"weight\": 3},"
        + " \"annotations\": {\"anything\": {\"goes\": true}}, \"extra\": [1, \"two\"]}"));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode stored = JSON.readTree(get("/oak-box").body()).path("spec");
    assertThat(stored).isEqualTo(JSON.readTree("{\"name\": \"oak-box\", \"colour\": \"sky-blue\", \"serial\": 42,"
        + " \"replicas\": 100, \"port\": 8080, \"mainPart\": {\"number\": \"p1\", \"quantity\": 1},"
        + " \"annotations\": {\"anything\": {\"goes\": true}}, \"extra\": [1, \"two\"]}"));
    assertThat(r.headers().allValues("Warning")).anyMatch(w -> w.contains("spec.bogus"))
        .anyMatch(w -> w.contains("spec.internalNotes")).anyMatch(w -> w.contains("spec.mainPart.weight"));
  }

  private static String widget(String name, String spec) {
    return "{\"apiVersion\": \"widgets.example.com/v1\", \"kind\": \"Widget\", \"metadata\": {\"name\": \"" + name
        + "\"}, \"spec\": " + spec + "}";
  }

  private static List<String> causes(JsonNode status, String property) {
    return StreamSupport.stream(status.at("/details/causes").spliterator(), false).map(c -> c.path(property).asText()).toList();
  }

  private static JsonNode cause(JsonNode status, String field) {
    return StreamSupport.stream(status.at("/details/causes").spliterator(), false)
        .filter(c -> c.path("field").asText().equals(field)).findFirst()
        .orElseThrow(() -> new AssertionError("no cause for " + field + " in " + status));
  }

  private HttpResponse<String> post(String body) throws IOException, InterruptedException {
    return http.send(request("").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String suffix) throws IOException, InterruptedException {
    return http.send(request(suffix).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String suffix) {
    URI base = server.url();
    return HttpRequest.newBuilder(base.resolve(WIDGETS + suffix)).timeout(Duration.ofSeconds(20));
  }
}
