package io.postage.amqp091.brokers;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Records what Postage logs (System.Logger goes to java.util.logging by default) while it is open. */
final class LogLines extends Handler implements AutoCloseable {
    private static final Logger POSTAGE = Logger.getLogger("io.postage");

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    LogLines() {
        POSTAGE.addHandler(this);
    }

    /**
     * @param level the level
     * @return the formatted messages logged at that level so far
     */
    List<String> at(Level level) {
        SimpleFormatter formatter = new SimpleFormatter();
        return records.stream().filter(record -> record.getLevel().equals(level)).map(formatter::formatMessage).toList();
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
