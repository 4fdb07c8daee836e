package io.postage.reliability;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Lets only severe records of {@code io.postage.MessageProcessor} through during each test: the processor logs
 * each retry and dead letter once, and thousands of them would drown the test output.
 */
final class QuietProcessorLog implements BeforeEachCallback, AfterEachCallback {
    private static final Logger PROCESSOR_LOG = Logger.getLogger("io.postage.MessageProcessor");
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(QuietProcessorLog.class);
    private static final String LEVEL = "level";

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(LEVEL, new Saved(PROCESSOR_LOG.getLevel()));
        PROCESSOR_LOG.setLevel(Level.SEVERE);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        PROCESSOR_LOG.setLevel(context.getStore(NAMESPACE).remove(LEVEL, Saved.class).level());
    }

    /** The logger's own level before the test, {@code null} when it inherits its parent's. */
    private record Saved(Level level) {
    }
}
