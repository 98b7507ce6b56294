package io.kubegen.runtime.resource;

/**
 * A resource argument as kubectl splits one: {@code name[.version.group]} or {@code name[.group]}.
 * {@code deployments.v1.apps} reads both as resource {@code deployments} in {@code apps/v1} and as
 * resource {@code deployments} in group {@code v1.apps}; the mapper tries the first, then the second.
 *
 * @param name the part before the first dot
 * @param group the part after the first dot, or null when there is none
 * @param version with two or more dots, the part between the first two; else null
 * @param fullGroup with two or more dots, the part after the second dot; else null
 */
record ResourceArgument(String name, String group, String version, String fullGroup) {

  static ResourceArgument parse(String arg) {
    if (arg == null || arg.isBlank()) {
      throw new IllegalArgumentException("a resource argument may not be empty");
    }
    String trimmed = arg.trim();
    int first = trimmed.indexOf('.');
    if (first < 0) {
      return new ResourceArgument(trimmed, null, null, null);
    }
    String name = trimmed.substring(0, first);
    String rest = trimmed.substring(first + 1);
    int second = rest.indexOf('.');
    if (second < 0) {
      return new ResourceArgument(name, rest, null, null);
    }
    return new ResourceArgument(name, rest, rest.substring(0, second), rest.substring(second + 1));
  }
}
