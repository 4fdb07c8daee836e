package io.postage.amqp091.components;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Records what Postage logs (System.Logger goes to java.util.logging by default) while it is open. */
final class LogCapture extends Handler implements AutoCloseable {
    private static final Logger POSTAGE = Logger.getLogger("io.postage");

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    LogCapture() {
        POSTAGE.addHandler(this);
    }

    /** @return the formatted messages logged so far */
    List<String> messages() {
        return records.stream().map(record -> new java.util.logging.SimpleFormatter().formatMessage(record)).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        POSTAGE.removeHandler(this);
    }
}
