package io.kubegen.runtime.resource;

/**
 * A {@link RestMapper} found no resource for a kind or a resource name, even after reading
 * discovery again. The message is kubectl's: {@code no matches for kind "Foo" in version
 * "example.io/v1"}, {@code no matches for kind "Foo" in group "example.io"}, or
 * {@code the server doesn't have a resource type "foos"}. Immutable.
 */
public class NoMatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with {@code message}. */
  public NoMatchException(String message) {
    super(message);
  }

  /** kubectl's message for a kind that no served version of {@code group} has ({@code version} "" for any). */
  static NoMatchException forKind(String group, String version, String kind) {
    if (version.isEmpty()) {
      return new NoMatchException("no matches for kind \"" + kind + "\" in group \"" + group + "\"");
    }
    String groupVersion = group.isEmpty() ? version : group + "/" + version;
    return new NoMatchException("no matches for kind \"" + kind + "\" in version \"" + groupVersion + "\"");
  }

  /** kubectl's message for a resource argument that names nothing the server serves. */
  static NoMatchException forResource(String resource) {
    return new NoMatchException("the server doesn't have a resource type \"" + resource + "\"");
  }
}
