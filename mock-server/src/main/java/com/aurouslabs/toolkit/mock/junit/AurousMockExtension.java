package com.aurouslabs.toolkit.mock.junit;

import com.aurouslabs.toolkit.mock.MockOptions;
import com.aurouslabs.toolkit.mock.MockServer;
import com.aurouslabs.toolkit.mock.ratelimit.RateLimitSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** The extension behind {@link AurousMockTest}: one mock per test class, stopped when the class is done. */
public final class AurousMockExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(AurousMockExtension.class);
    private static final String KEY = "mock";

    /** Stops the server when JUnit closes the class-level store. */
    private record RunningMock(MockServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.stop();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        AurousMockTest config = config(context);
        if (config.resetEachTest()) {
            running(context).server().reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == MockServerInfo.class || type == MockServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        MockServer server = running(extension).server();
        Class<?> type = parameter.getParameter().getType();
        if (type == MockServer.class) {
            return server;
        }
        if (type == MockServerInfo.class) {
            return new MockServerInfo(server.baseUrl(), server.port(), server);
        }
        throw new ParameterResolutionException("cannot resolve " + type);
    }

    private static RunningMock running(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(KEY,
                k -> new RunningMock(MockServer.start(options(config(classContext)))), RunningMock.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private static AurousMockTest config(ExtensionContext context) {
        Class<?> type = context.getRequiredTestClass();
        while (type != null) {
            var found = AnnotationSupport.findAnnotation(type, AurousMockTest.class);
            if (found.isPresent()) {
                return found.get();
            }
            type = type.getEnclosingClass();
        }
        throw new IllegalStateException("@AurousMockTest not found on " + context.getRequiredTestClass());
    }

    static MockOptions options(AurousMockTest config) {
        MockOptions.Builder b = MockOptions.builder().port(0)
                .rateLimit(new RateLimitSettings(config.rateLimitCapacity(), config.rateLimitRefillPerMinute(),
                        config.rateLimit()))
                .warnOnly(config.warnOnly())
                .profile(config.profile())
                .defect(config.defect())
                .corsOrigin(config.corsOrigin());
        if (!config.fixtures().isEmpty()) {
            b.fixtures(Path.of(config.fixtures()));
        }
        if (!config.spec().isEmpty()) {
            b.spec(Path.of(config.spec()));
        }
        return b.build();
    }
}
