package io.kubegen.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubegen.runtime.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A tiny JSON-over-HTTP client for tests that exercise the raw REST protocol. */
final class Http {
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  Http(URI base) { this.base = base; }

  record Response(int code, JsonNode body, java.net.http.HttpHeaders headers) {
    String text(String pointer) { return body.at(pointer).asText(); }
  }

  Response get(String path) { return send("GET", path, null, null); }

  Response post(String path, String json) { return send("POST", path, json, "application/json"); }

  Response put(String path, String json) { return send("PUT", path, json, "application/json"); }

  Response patch(String path, String contentType, String body) { return send("PATCH", path, body, contentType); }

  Response delete(String path) { return send("DELETE", path, null, null); }

  Response delete(String path, String json) { return send("DELETE", path, json, "application/json"); }

  Response send(String method, String path, String body, String contentType) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    try {
      HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      JsonNode json = r.body().length == 0 ? null : Json.mapper().readTree(r.body());
      return new Response(r.statusCode(), json, r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An open watch stream whose lines land in a queue; close to stop. */
  final class Stream implements AutoCloseable {
    final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    final int code;
    private final java.io.InputStream in;
    private final Thread reader;

    Stream(String path) throws IOException, InterruptedException {
      HttpResponse<java.io.InputStream> r = client.send(HttpRequest.newBuilder(base.resolve(path)).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      code = r.statusCode();
      in = r.body();
      reader = new Thread(() -> {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
          String line;
          while ((line = lines.readLine()) != null) {
            events.add(Json.mapper().readTree(line));
          }
          events.add(Json.mapper().createObjectNode().put("type", "END"));
        } catch (IOException e) {
          events.add(Json.mapper().createObjectNode().put("type", "CLOSED"));
        }
      }, "test-watch-reader");
      reader.setDaemon(true);
      reader.start();
    }

    /** The next event, failing after 10 s. */
    JsonNode next() throws InterruptedException {
      JsonNode e = events.poll(10, java.util.concurrent.TimeUnit.SECONDS);
      if (e == null) {
        throw new AssertionError("no watch event within 10 s");
      }
      return e;
    }

    /** The next event that is not a bookmark. */
    JsonNode nextChange() throws InterruptedException {
      while (true) {
        JsonNode e = next();
        if (!"BOOKMARK".equals(e.path("type").asText())) {
          return e;
        }
      }
    }

    @Override
    public void close() throws IOException { in.close(); }
  }

  Stream watch(String path) throws IOException, InterruptedException { return new Stream(path); }
}
