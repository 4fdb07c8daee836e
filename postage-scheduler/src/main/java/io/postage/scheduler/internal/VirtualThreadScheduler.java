package io.postage.scheduler.internal;

import io.postage.ExitScheduler;
import io.postage.MicroScheduler;
import io.postage.MicroThread;
import io.postage.scheduler.internal.MicroThreadRunner.Outcome;
import io.postage.spi.SchedulerSettings;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Runs each microthread on its own virtual thread ({@code postage-microthread-<n>}): {@code create()},
 * then {@code step()} until it returns {@code DONE}, so a blocking step stalls no other microthread.
 *
 * <p>Once asked to exit ({@link ExitScheduler}, {@link #stop()}, {@link #close()}, an interrupt of the
 * thread in {@link #run()}, or auto-quit), every microthread finishes its current step and ends;
 * {@code run()} waits up to the shutdown timeout for that, then interrupts the ones still in a step,
 * waits {@link #INTERRUPT_GRACE} more, logs any that still did not end and returns.
 */
final class VirtualThreadScheduler implements MicroScheduler {
    /** How long {@code run()} waits for interrupted microthreads to end. */
    static final Duration INTERRUPT_GRACE = Duration.ofSeconds(1);

    private static final Logger LOG = System.getLogger(VirtualThreadScheduler.class.getName());

    private final SchedulerSettings settings;
    private final Monitor monitor = new Monitor();
    // Guarded by monitor:
    private int started;
    private final List<MicroThread> pending = new ArrayList<>();
    private final Map<Thread, MicroThreadRunner> running = new HashMap<>();
    private Phase phase = Phase.NEW;
    // Written under monitor; read by the microthreads between steps without it.
    private volatile boolean exitRequested;

    /** @param settings auto-quit and shutdown timeout */
    VirtualThreadScheduler(SchedulerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void add(MicroThread microThread) {
        Objects.requireNonNull(microThread, "microThread");
        monitor.lock();
        try {
            if (exitRequested) {
                throw new IllegalStateException("Cannot add " + microThread + ": the scheduler is exiting or has exited");
            }
            if (phase == Phase.NEW) {
                pending.add(microThread);
            } else {
                start(microThread);
            }
        } finally {
            monitor.unlock();
        }
    }

    @Override
    public void run() {
        monitor.lock();
        try {
            phase = phase.start();
            if (!exitRequested) {
                pending.forEach(this::start);
                quitIfIdle();
            }
            pending.clear();
            monitor.await(() -> exitRequested, ChronoUnit.FOREVER.getDuration());
            boolean interrupted = Thread.interrupted(); // asks to exit; restored for the caller below
            requestExit();
            shutDown();
            phase = Phase.FINISHED;
            monitor.signalAll();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        } finally {
            monitor.unlock();
        }
    }

    @Override
    public void stop() {
        monitor.lock();
        try {
            requestExit();
        } finally {
            monitor.unlock();
        }
    }

    @Override
    public void close() {
        monitor.lock();
        try {
            requestExit();
            if (phase == Phase.NEW) {
                phase = Phase.FINISHED;
            } else if (!running.containsKey(Thread.currentThread())) { // a microthread cannot wait for itself
                Duration bound = settings.shutdownTimeout().plus(INTERRUPT_GRACE).plus(INTERRUPT_GRACE);
                if (!monitor.await(() -> phase == Phase.FINISHED, bound)) {
                    LOG.log(Level.WARNING, "close() stopped waiting for run() to return after {0}", bound);
                }
            }
        } finally {
            monitor.unlock();
        }
    }

    /**
     * Waits for the microthreads to end, interrupting those still in a step after the shutdown
     * timeout. Another interrupt of the thread in {@code run()} cuts the waits short.
     */
    private void shutDown() {
        if (monitor.await(running::isEmpty, settings.shutdownTimeout())) {
            return;
        }
        LOG.log(Level.WARNING, "Interrupting the microthreads still in a step {0} after the scheduler was asked"
                + " to exit: {1}", settings.shutdownTimeout(), names());
        running.keySet().forEach(Thread::interrupt);
        if (!monitor.await(running::isEmpty, INTERRUPT_GRACE)) {
            LOG.log(Level.WARNING, "Leaving behind the microthreads that did not end once interrupted: {0}", names());
        }
    }

    private void start(MicroThread microThread) {
        String name = "postage-microthread-" + ++started;
        MicroThreadRunner runner = new MicroThreadRunner(microThread, name);
        Thread thread = Thread.ofVirtual().name(name).unstarted(() -> runOnOwnThread(runner));
        running.put(thread, runner);
        thread.start();
    }

    private void runOnOwnThread(MicroThreadRunner runner) {
        try {
            Outcome outcome = runner.create();
            while (outcome == Outcome.CONTINUE && !exitRequested) {
                outcome = runner.step();
            }
            if (outcome == Outcome.EXIT_SCHEDULER) {
                stop();
            }
        } finally {
            runner.finish();
            ended();
        }
    }

    private void ended() {
        monitor.lock();
        try {
            running.remove(Thread.currentThread());
            quitIfIdle();
            monitor.signalAll();
        } finally {
            monitor.unlock();
        }
    }

    private void quitIfIdle() {
        if (settings.autoQuit() && running.isEmpty()) {
            requestExit();
        }
    }

    private void requestExit() {
        exitRequested = true;
        monitor.signalAll();
    }

    private String names() {
        return running.values().stream().map(MicroThreadRunner::toString).sorted()
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
