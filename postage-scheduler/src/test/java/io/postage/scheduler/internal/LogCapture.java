package io.postage.scheduler.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Collects what the schedulers log (System.Logger goes to java.util.logging) and keeps it off the
 * console while a test runs.
 */
final class LogCapture implements AutoCloseable {
    private final Logger logger = Logger.getLogger("io.postage.scheduler");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final boolean usedParentHandlers;

    LogCapture() {
        usedParentHandlers = logger.getUseParentHandlers();
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
    }

    /** @return the WARNING records so far */
    List<LogRecord> warnings() {
        return records.stream().filter(record -> record.getLevel() == Level.WARNING).toList();
    }

    /** @return the formatted messages of the WARNING records so far */
    List<String> warningMessages() {
        SimpleFormatter formatter = new SimpleFormatter();
        return warnings().stream().map(formatter::formatMessage).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(usedParentHandlers);
    }
}
