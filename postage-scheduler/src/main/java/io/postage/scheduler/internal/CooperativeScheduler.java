package io.postage.scheduler.internal;

import io.postage.ExitScheduler;
import io.postage.MicroScheduler;
import io.postage.MicroThread;
import io.postage.scheduler.internal.MicroThreadRunner.Outcome;
import io.postage.spi.SchedulerSettings;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Steps the microthreads round robin, in the order they were added, on the thread that calls
 * {@link #run()}: deterministic, like Postage 1.x. A microthread added during a round gets its first
 * step at the end of that round. Its {@code create()} runs on that thread right before its first
 * step (Postage 1.x calls it inside {@code add_microthread}).
 *
 * <p>{@link ExitScheduler} lets the current round finish (the microthreads after the thrower still
 * get their step), then {@code run()} returns. {@link #stop()}, {@link #close()} or an interrupt of
 * the running thread take effect after the current step. With auto-quit off, an empty scheduler
 * waits for {@link #add(MicroThread)} from another thread. {@code close()} from another thread waits
 * up to the shutdown timeout for {@code run()} to return; a step that never returns blocks
 * {@code run()} for good, since nothing else runs on the caller's thread to interrupt it.
 */
final class CooperativeScheduler implements MicroScheduler {
    private static final Logger LOG = System.getLogger(CooperativeScheduler.class.getName());

    private final SchedulerSettings settings;
    private final Monitor monitor = new Monitor();
    // Guarded by monitor:
    private int added;
    private List<MicroThreadRunner> round = new ArrayList<>(); // this round's microthreads; add() appends
    private int position; // index in round of the next microthread to step
    private List<MicroThreadRunner> nextRound = new ArrayList<>();
    private Phase phase = Phase.NEW;
    private Thread runThread; // the thread in run()
    private boolean exiting; // no more add(); return at the end of this round
    private boolean stopRequested; // return after the current step

    /** @param settings auto-quit and shutdown timeout */
    CooperativeScheduler(SchedulerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void add(MicroThread microThread) {
        Objects.requireNonNull(microThread, "microThread");
        monitor.lock();
        try {
            if (exiting) {
                throw new IllegalStateException("Cannot add " + microThread + ": the scheduler is exiting or has exited");
            }
            round.add(new MicroThreadRunner(microThread, "postage-microthread-" + ++added));
            monitor.signalAll();
        } finally {
            monitor.unlock();
        }
    }

    @Override
    public void run() {
        monitor.lock();
        try {
            phase = phase.start();
            runThread = Thread.currentThread();
        } finally {
            monitor.unlock();
        }
        try {
            for (MicroThreadRunner current = nextTurn(); current != null; current = nextTurn()) {
                Outcome outcome = current.step();
                if (outcome == Outcome.FINISHED) {
                    current.finish();
                }
                afterStep(current, outcome);
            }
        } finally {
            finish();
            scheduledRunners().forEach(MicroThreadRunner::finish);
        }
    }

    @Override
    public void stop() {
        monitor.lock();
        try {
            requestStop();
        } finally {
            monitor.unlock();
        }
    }

    @Override
    public void close() {
        monitor.lock();
        try {
            requestStop();
            if (phase == Phase.NEW) {
                phase = Phase.FINISHED;
            } else if (Thread.currentThread() != runThread) { // a step cannot wait for itself
                if (!monitor.await(() -> phase == Phase.FINISHED, settings.shutdownTimeout())) {
                    LOG.log(Level.WARNING, "close() stopped waiting after {0}: the current step of the"
                            + " cooperative scheduler has not returned", settings.shutdownTimeout());
                }
            }
        } finally {
            monitor.unlock();
        }
    }

    /** @return the microthread to step now, or null when {@code run()} must return (add() is then refused) */
    private MicroThreadRunner nextTurn() {
        monitor.lock();
        try {
            MicroThreadRunner next = findNextTurn();
            if (next == null) {
                exiting = true;
            }
            return next;
        } finally {
            monitor.unlock();
        }
    }

    private MicroThreadRunner findNextTurn() {
        while (!stopRequested && !Thread.currentThread().isInterrupted()) {
            if (position < round.size()) {
                return round.get(position++);
            }
            if (exiting) {
                return null;
            }
            round = nextRound;
            nextRound = new ArrayList<>();
            position = 0;
            if (round.isEmpty()) {
                if (settings.autoQuit()) {
                    return null;
                }
                monitor.await(() -> !round.isEmpty() || stopRequested, ChronoUnit.FOREVER.getDuration());
            }
        }
        return null;
    }

    private void afterStep(MicroThreadRunner current, Outcome outcome) {
        monitor.lock();
        try {
            switch (outcome) {
                case CONTINUE -> nextRound.add(current);
                case EXIT_SCHEDULER -> exiting = true;
                case FINISHED -> { }
            }
        } finally {
            monitor.unlock();
        }
    }

    private void finish() {
        monitor.lock();
        try {
            exiting = true;
            phase = Phase.FINISHED;
            runThread = null;
            monitor.signalAll();
        } finally {
            monitor.unlock();
        }
    }

    /**
     * @return every microthread of the last round and the next, once each, to finish when
     *     {@code run()} ends (those already finished ignore it)
     */
    private Set<MicroThreadRunner> scheduledRunners() {
        monitor.lock();
        try {
            Set<MicroThreadRunner> left = new LinkedHashSet<>(round);
            left.addAll(nextRound);
            return left;
        } finally {
            monitor.unlock();
        }
    }

    private void requestStop() {
        exiting = true;
        stopRequested = true;
        monitor.signalAll();
    }
}
