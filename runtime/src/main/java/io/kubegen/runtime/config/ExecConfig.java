package io.kubegen.runtime.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of an exec credential plugin (the {@code users[].user.exec} block of a kubeconfig):
 * a command that prints an {@code ExecCredential} of API version
 * {@code client.authentication.k8s.io/v1} or {@code v1beta1} on standard output. Immutable and
 * thread-safe. {@link #toString()} shows the command, the number of arguments and the names of
 * the environment variables, never argument or variable values (they may hold secrets).
 *
 * @param command the program; looked up on {@code PATH} unless it contains a path separator
 * @param args arguments passed to the program
 * @param env variables added to the inherited environment of the program
 * @param apiVersion {@link #V1} or {@link #V1BETA1}
 * @param installHint shown in the error when the program cannot be started; may be null
 * @param provideClusterInfo whether {@code KUBERNETES_EXEC_INFO} carries the cluster's server,
 *     CA and proxy
 * @param interactiveMode kubegen never connects the plugin to a terminal; a plugin with
 *     {@link InteractiveMode#ALWAYS} therefore fails with a clear error
 */
public record ExecConfig(
    String command,
    List<String> args,
    Map<String, String> env,
    String apiVersion,
    String installHint,
    boolean provideClusterInfo,
    InteractiveMode interactiveMode) {

  /** {@code client.authentication.k8s.io/v1}. */
  public static final String V1 = "client.authentication.k8s.io/v1";
  /** {@code client.authentication.k8s.io/v1beta1}. */
  public static final String V1BETA1 = "client.authentication.k8s.io/v1beta1";

  /** Whether a plugin may talk to the user; mirrors kubeconfig's {@code interactiveMode}. */
  public enum InteractiveMode {
    /** The plugin never needs standard input. */
    NEVER("Never"),
    /** The plugin uses standard input when it is available. */
    IF_AVAILABLE("IfAvailable"),
    /** The plugin needs standard input. */
    ALWAYS("Always");

    private final String kubeconfigName;

    InteractiveMode(String kubeconfigName) { this.kubeconfigName = kubeconfigName; }

    /** The spelling used in kubeconfig files ({@code Never}, {@code IfAvailable}, {@code Always}). */
    public String kubeconfigName() { return kubeconfigName; }

    /** Parses the kubeconfig spelling; null when {@code name} is none of them. */
    static InteractiveMode fromKubeconfigName(String name) {
      for (InteractiveMode mode : values()) {
        if (mode.kubeconfigName.equals(name)) {
          return mode;
        }
      }
      return null;
    }
  }

  /** Checks the settings and copies the collections. */
  public ExecConfig {
    if (command == null || command.isBlank()) {
      throw new KubeConfigException("exec.command: missing");
    }
    if (!V1.equals(apiVersion) && !V1BETA1.equals(apiVersion)) {
      throw new KubeConfigException("exec.apiVersion: \"" + apiVersion + "\" is not supported; use "
          + V1 + " or " + V1BETA1);
    }
    args = List.copyOf(args == null ? List.of() : args);
    env = Collections.unmodifiableMap(new LinkedHashMap<>(env == null ? Map.of() : env));
    interactiveMode = interactiveMode == null ? InteractiveMode.IF_AVAILABLE : interactiveMode;
  }

  /** A plugin of API version {@link #V1} running {@code command args...}. */
  public static ExecConfig of(String command, String... args) {
    return builder().command(command).args(List.of(args)).build();
  }

  /** A builder; the API version defaults to {@link #V1}. */
  public static Builder builder() { return new Builder(); }

  @Override
  public String toString() {
    return "ExecConfig{command=" + command + ", args=" + args.size() + " value(s), env="
        + env.keySet() + ", apiVersion=" + apiVersion + ", provideClusterInfo=" + provideClusterInfo
        + ", interactiveMode=" + interactiveMode.kubeconfigName() + "}";
  }

  /** Builds an {@link ExecConfig}. Not thread-safe. */
  public static final class Builder {
    private String command;
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private String apiVersion = V1;
    private String installHint;
    private boolean provideClusterInfo;
    private InteractiveMode interactiveMode = InteractiveMode.IF_AVAILABLE;

    private Builder() {}

    public Builder command(String command) {
      this.command = command;
      return this;
    }

    /** Replaces the arguments. */
    public Builder args(List<String> args) {
      this.args.clear();
      this.args.addAll(args);
      return this;
    }

    /** Appends one argument. */
    public Builder arg(String arg) {
      args.add(Objects.requireNonNull(arg, "arg"));
      return this;
    }

    /** Adds one environment variable for the plugin. */
    public Builder env(String name, String value) {
      env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder apiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
      return this;
    }

    public Builder installHint(String installHint) {
      this.installHint = installHint;
      return this;
    }

    public Builder provideClusterInfo(boolean provideClusterInfo) {
      this.provideClusterInfo = provideClusterInfo;
      return this;
    }

    public Builder interactiveMode(InteractiveMode interactiveMode) {
      this.interactiveMode = interactiveMode;
      return this;
    }

    public ExecConfig build() {
      return new ExecConfig(command, args, env, apiVersion, installHint, provideClusterInfo, interactiveMode);
    }
  }
}
