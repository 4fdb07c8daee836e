package io.postage.testkit.junit;

import io.postage.PostageConfig;
import io.postage.testkit.broker.EmbeddedBroker;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link PostageBroker}: chooses the broker once per JVM and kind,
 * logs which one and why (one line, at INFO), starts the embedded broker or the container if needed
 * (once, stopped when the tests end), and injects {@link BrokerInfo} and {@link PostageConfig}
 * parameters. The choice is made before the test class runs, so that a missing broker fails (or,
 * for Testcontainers without Docker, skips) the class with one line.
 */
public final class PostageBrokerExtension implements BeforeAllCallback, TestInstancePreConstructCallback,
        ParameterResolver {
    private static final System.Logger LOG = System.getLogger(PostageBrokerExtension.class.getName());
    private static final Namespace NAMESPACE = Namespace.create(PostageBrokerExtension.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(1500);

    /** Used by JUnit through {@link PostageBroker}. */
    public PostageBrokerExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        broker(context);
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        broker(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == BrokerInfo.class || type == PostageConfig.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        BrokerInfo broker = broker(extensionContext);
        return parameterContext.getParameter().getType() == BrokerInfo.class ? broker : broker.config();
    }

    private static BrokerInfo broker(ExtensionContext context) {
        BrokerKind requested = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), PostageBroker.class,
                context.getEnclosingTestClasses()).map(PostageBroker::value).orElse(BrokerKind.AUTO);
        Store store = context.getRoot().getStore(NAMESPACE);
        return store.computeIfAbsent(requested, kind -> use(kind, store), BrokerInfo.class);
    }

    private static BrokerInfo use(BrokerKind requested, Store store) {
        BrokerSelection.Choice choice = BrokerSelection.select(requested, System.getenv(), uri ->
                store.computeIfAbsent(uri, probed -> AmqpProbe.probe(probed, PROBE_TIMEOUT), Reachability.class));
        BrokerInfo broker = switch (choice.kind()) {
            case EMBEDDED -> embedded(store);
            case TESTCONTAINERS -> container(store);
            default -> rabbitMq(choice.rabbitMqUri());
        };
        LOG.log(Level.INFO, "Postage tests use {0}: {1}", broker, choice.reason());
        return broker;
    }

    private static BrokerInfo rabbitMq(URI uri) {
        return new BrokerInfo(BrokerKind.RABBITMQ, BrokerInfo.RABBITMQ, uri.toString(),
                uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
    }

    private static BrokerInfo embedded(Store store) {
        EmbeddedBroker broker = store.computeIfAbsent(EmbeddedBroker.class, key -> EmbeddedBroker.start(),
                EmbeddedBroker.class);
        return new BrokerInfo(BrokerKind.EMBEDDED, BrokerInfo.QPID_BROKER_J, broker.uri091(), broker.uri10());
    }

    private static BrokerInfo container(Store store) {
        if (!onClassPath("org.testcontainers.DockerClientFactory")) {
            Assumptions.abort("@PostageBroker(TESTCONTAINERS) needs org.testcontainers:testcontainers-rabbitmq on the "
                    + "test class path");
        }
        if (!ContainerBroker.dockerAvailable()) {
            Assumptions.abort("@PostageBroker(TESTCONTAINERS) needs Docker, and Testcontainers finds none");
        }
        return store.computeIfAbsent(ContainerBroker.class, key -> ContainerBroker.start(), ContainerBroker.class)
                .info();
    }

    private static boolean onClassPath(String className) {
        try {
            Class.forName(className, false, PostageBrokerExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
