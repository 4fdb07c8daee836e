package io.postage.reliability.security;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records every log record of the JVM while open, at every level: a handler on java.util.logging's root
 * logger, where {@link System.Logger} and SLF4J (through {@code slf4j-jdk14}) go. Each record is kept as all
 * the text it could show: the formatted message, the raw message, each parameter and the thrown exception's
 * stack trace with every cause.
 */
final class LogRecorder extends Handler implements AutoCloseable {
    private static final Logger ROOT = Logger.getLogger("");

    private final Level previousLevel = ROOT.getLevel();
    private final List<Handler> quietened = new ArrayList<>();
    private final List<Level> quietenedLevels = new ArrayList<>();
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    LogRecorder() {
        setLevel(Level.ALL);
        for (Handler handler : ROOT.getHandlers()) {
            // The console keeps its own level: the test's output stays readable.
            quietened.add(handler);
            quietenedLevels.add(handler.getLevel());
            if (handler.getLevel().intValue() < Level.INFO.intValue()) {
                handler.setLevel(Level.INFO);
            }
        }
        ROOT.setLevel(Level.ALL);
        ROOT.addHandler(this);
    }

    /** @return the text of every record so far */
    List<String> texts() {
        return List.copyOf(texts);
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder text = new StringBuilder(record.getLevel() + " " + record.getLoggerName() + ": ");
        text.append(formatter.formatMessage(record)).append(" | ").append(record.getMessage());
        if (record.getParameters() != null) {
            text.append(" | ").append(Arrays.deepToString(record.getParameters()));
        }
        if (record.getThrown() != null) {
            text.append(" | ").append(stackTrace(record.getThrown()));
        }
        texts.add(text.toString());
    }

    /**
     * @param failure an exception
     * @return its stack trace: the class and message of it, every cause and every suppressed exception
     */
    static String stackTrace(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        ROOT.removeHandler(this);
        ROOT.setLevel(previousLevel);
        for (int i = 0; i < quietened.size(); i++) {
            quietened.get(i).setLevel(quietenedLevels.get(i));
        }
    }
}
