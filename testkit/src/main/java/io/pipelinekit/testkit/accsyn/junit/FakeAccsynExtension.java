package io.pipelinekit.testkit.accsyn.junit;

import io.pipelinekit.testkit.accsyn.Credentials;
import io.pipelinekit.testkit.accsyn.FakeAccsyn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts a fresh {@link FakeAccsyn} per test method (or per class), resolves parameters, and closes
 * everything afterwards (the fake's temporary root included).
 *
 * <p>Injectable parameters: {@link FakeAccsyn}; {@link Credentials} (the first admin's, or a user's
 * with {@link User}); {@link URI} (the base URL); {@link Path} with {@link SiteDir}, {@link
 * VolumeDir} or {@link UserDir}; and any client type registered with {@link #withClient}.
 *
 * <pre>
 * class PublishTest {
 *   {@literal @}RegisterExtension
 *   final FakeAccsynExtension accsyn = FakeAccsynExtension.withFixture(b -> b
 *       .site("hq").site("la").employee("anna@studio.com"));
 *
 *   {@literal @}Test void publishes({@literal @}User("anna@studio.com") Credentials anna) { ... }
 * }
 * </pre>
 *
 * <p><b>Client seam.</b> When our accsyn client exists, {@code withClient(AccsynClient.class,
 * credentials -> AccsynClient.builder()...build())} makes tests take a ready client as a parameter;
 * {@link AutoCloseable} clients are closed after each test.
 */
public final class FakeAccsynExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(FakeAccsynExtension.class);
  private static final String FAKE = "fake";

  private final Consumer<FakeAccsyn.Builder> fixture;
  private final boolean perClass;
  private final Map<Class<?>, Function<Credentials, ?>> clients;
  private volatile FakeAccsyn current;

  /** Used by {@link FakeAccsynTest} and {@code @ExtendWith}: configured by the annotation. */
  public FakeAccsynExtension() {
    this(b -> {}, false, Map.of());
  }

  private FakeAccsynExtension(
      Consumer<FakeAccsyn.Builder> fixture,
      boolean perClass,
      Map<Class<?>, Function<Credentials, ?>> clients) {
    this.fixture = fixture;
    this.perClass = perClass;
    this.clients = Map.copyOf(clients);
  }

  /** An extension whose fakes are seeded by a fixture (applied after any annotation seed). */
  public static FakeAccsynExtension withFixture(Consumer<FakeAccsyn.Builder> fixture) {
    return new FakeAccsynExtension(
        Objects.requireNonNull(fixture, "fixture == null"), false, Map.of());
  }

  /** A copy that keeps one fake for the whole class (register it as a static field). */
  public FakeAccsynExtension perClass() {
    return new FakeAccsynExtension(fixture, true, clients);
  }

  /** A copy that injects parameters of {@code type}, built from the user's credentials. */
  public <T> FakeAccsynExtension withClient(Class<T> type, Function<Credentials, T> factory) {
    Map<Class<?>, Function<Credentials, ?>> more = new LinkedHashMap<>(clients);
    more.put(
        Objects.requireNonNull(type, "type == null"), Objects.requireNonNull(factory, "factory"));
    return new FakeAccsynExtension(fixture, perClass, more);
  }

  /** The fake of the running test (for tests that hold the extension in a field). */
  public FakeAccsyn fake() {
    FakeAccsyn f = current;
    if (f == null) {
      throw new IllegalStateException("No fake accsyn is running outside a test");
    }
    return f;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (isPerClass(context)) {
      start(context);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!isPerClass(context)) {
      start(context);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!isPerClass(context)) {
      current = null;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    current = null;
  }

  private boolean isPerClass(ExtensionContext context) {
    return perClass || annotation(context).map(FakeAccsynTest::perClass).orElse(false);
  }

  private static Optional<FakeAccsynTest> annotation(ExtensionContext context) {
    return context
        .getTestClass()
        .flatMap(c -> AnnotationSupport.findAnnotation(c, FakeAccsynTest.class));
  }

  private void start(ExtensionContext context) {
    FakeAccsyn.Builder b = FakeAccsyn.builder();
    Optional<FakeAccsynTest> a = annotation(context);
    if (a.isPresent() && !a.get().seed().isEmpty()) {
      b.seedJson(resource(context.getRequiredTestClass(), a.get().seed()));
    }
    if (a.isPresent() && a.get().deterministic()) {
      b.deterministic();
    }
    fixture.accept(b);
    FakeAccsyn fake = b.build();
    current = fake;
    // JUnit closes AutoCloseable store values when the context ends (per method or per class).
    context.getStore(NS).put(FAKE, fake);
  }

  private static String resource(Class<?> owner, String name) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "Seed resource not found next to " + owner + ": " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private FakeAccsyn fake(ExtensionContext context) {
    FakeAccsyn f = context.getStore(NS).get(FAKE, FakeAccsyn.class);
    if (f == null) {
      throw new ParameterResolutionException(
          "No fake accsyn was started for " + context.getDisplayName());
    }
    return f;
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext context) {
    Class<?> type = p.getParameter().getType();
    if (type == FakeAccsyn.class || type == Credentials.class || type == URI.class) {
      return true;
    }
    if (type == Path.class) {
      return p.isAnnotated(SiteDir.class)
          || p.isAnnotated(VolumeDir.class)
          || p.isAnnotated(UserDir.class);
    }
    return clients.containsKey(type);
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext context) {
    FakeAccsyn fake = fake(context);
    Class<?> type = p.getParameter().getType();
    if (type == FakeAccsyn.class) {
      return fake;
    }
    if (type == URI.class) {
      return fake.baseUrl();
    }
    if (type == Path.class) {
      Optional<SiteDir> site = p.findAnnotation(SiteDir.class);
      if (site.isPresent()) {
        return fake.siteDir(site.get().value());
      }
      Optional<VolumeDir> vol = p.findAnnotation(VolumeDir.class);
      if (vol.isPresent()) {
        return fake.volumeDir(vol.get().site(), vol.get().volume());
      }
      UserDir user = p.findAnnotation(UserDir.class).orElseThrow();
      return user.path().isEmpty()
          ? fake.appDir(user.value())
          : fake.localPath(user.value(), user.path());
    }
    Credentials credentials =
        p.findAnnotation(User.class)
            .map(u -> fake.credentials(u.value()))
            .orElseGet(fake::adminCredentials);
    if (type == Credentials.class) {
      return credentials;
    }
    Object client = clients.get(type).apply(credentials);
    if (client instanceof AutoCloseable closeable) {
      context.getStore(NS).put("client-" + p.getIndex(), closeable);
    }
    return client;
  }
}
