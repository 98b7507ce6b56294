package io.kubegen.runtime.dynamic;

/**
 * The API server's build, as {@code GET /version} reports it.
 *
 * @param major the major version, such as {@code "1"}
 * @param minor the minor version, such as {@code "31"} (may carry a {@code +})
 * @param gitVersion such as {@code v1.31.2}
 * @param gitCommit the source commit
 * @param gitTreeState {@code clean} or {@code dirty}
 * @param buildDate the RFC 3339 build time
 * @param goVersion the Go version it was built with
 * @param compiler the compiler
 * @param platform such as {@code linux/amd64}
 */
public record VersionInfo(String major, String minor, String gitVersion, String gitCommit, String gitTreeState,
    String buildDate, String goVersion, String compiler, String platform) {}
