package io.kubegen.apiserver.junit;

import io.kubegen.apiserver.EmbeddedApiServer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * JUnit 5 extension that starts one {@link EmbeddedApiServer} per test class and closes it after
 * the class. The server is injected into parameters of type {@code EmbeddedApiServer}
 * (constructors, {@code @BeforeAll}, {@code @BeforeEach}, tests) and into fields of that type
 * that are not final, static or instance.
 *
 * <pre>{@code
 * @ExtendWith(EmbeddedApiServerExtension.class)
 * class MyTest {
 *   EmbeddedApiServer server;   // injected
 * }
 *
 * class MyHttpsTest {
 *   @RegisterExtension
 *   static EmbeddedApiServerExtension api = EmbeddedApiServerExtension.configured(b -> b.https(true));
 * }
 * }</pre>
 *
 * <p>Threading: JUnit calls the callbacks; the server itself is thread-safe and may be shared
 * by tests of the class running in parallel. Nested classes share their enclosing class's server.
 */
public final class EmbeddedApiServerExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver, TestInstancePostProcessor {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedApiServerExtension.class);

  private final UnaryOperator<EmbeddedApiServer.Builder> configuration;
  private volatile EmbeddedApiServer last;

  /** An extension starting servers with the defaults (used by {@code @ExtendWith}). */
  public EmbeddedApiServerExtension() { this(UnaryOperator.identity()); }

  private EmbeddedApiServerExtension(UnaryOperator<EmbeddedApiServer.Builder> configuration) {
    this.configuration = Objects.requireNonNull(configuration, "configuration");
  }

  /** An extension whose servers are configured by {@code configuration}, for {@code @RegisterExtension}. */
  public static EmbeddedApiServerExtension configured(UnaryOperator<EmbeddedApiServer.Builder> configuration) {
    return new EmbeddedApiServerExtension(configuration);
  }

  /** The server of the running test class (after {@code beforeAll}). */
  public EmbeddedApiServer server() {
    EmbeddedApiServer s = last;
    if (s == null) {
      throw new IllegalStateException("the server starts before all tests of the class; it is not running yet");
    }
    return s;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    if (serverOf(context) != null) {
      return;
    }
    EmbeddedApiServer server = configuration.apply(EmbeddedApiServer.builder()).build().start();
    context.getStore(NAMESPACE).put(EmbeddedApiServer.class, new Closing(server));
    last = server;
    inject(context.getRequiredTestClass(), null, server, true);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // The store closes the server when the class's context ends.
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
    EmbeddedApiServer server = serverOf(context);
    if (server != null) {
      inject(testInstance.getClass(), testInstance, server, false);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == EmbeddedApiServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    EmbeddedApiServer server = serverOf(extensionContext);
    if (server == null) {
      throw new IllegalStateException("no EmbeddedApiServer for " + extensionContext.getDisplayName());
    }
    return server;
  }

  private static EmbeddedApiServer serverOf(ExtensionContext context) {
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      Closing closing = c.getStore(NAMESPACE).get(EmbeddedApiServer.class, Closing.class);
      if (closing != null) {
        return closing.server;
      }
    }
    return null;
  }

  private static void inject(Class<?> type, Object instance, EmbeddedApiServer server, boolean statics)
      throws IllegalAccessException {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        int mod = f.getModifiers();
        if (f.getType() == EmbeddedApiServer.class && !Modifier.isFinal(mod) && Modifier.isStatic(mod) == statics) {
          f.setAccessible(true);
          f.set(instance, server);
        }
      }
    }
  }

  /** Closes the server when JUnit drops the class's store (JUnit closes AutoCloseable store values). */
  private record Closing(EmbeddedApiServer server) implements AutoCloseable {
    @Override
    public void close() { server.close(); }
  }
}
