package io.postage.scheduler.internal;

import io.postage.ExitScheduler;
import io.postage.MicroThread;
import io.postage.MicroThread.Step;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.Callable;

/**
 * Calls one microthread's {@link MicroThread#create()}, {@link MicroThread#step()} and
 * {@link MicroThread#finish()}, and tells the
 * scheduler what to do next; a failure is logged here, so schedulers only act on the {@link Outcome}.
 * Used by one thread at a time.
 */
final class MicroThreadRunner {
    private static final Logger LOG = System.getLogger(MicroThreadRunner.class.getName());

    /** What the scheduler does with the microthread after a call. */
    enum Outcome {
        /** Step it again. */
        CONTINUE,
        /** It returned {@link Step#DONE} or failed (already logged): remove it. */
        FINISHED,
        /** It threw {@link ExitScheduler}: stop the scheduler. */
        EXIT_SCHEDULER
    }

    private final MicroThread microThread;
    private final String name;
    private boolean created;

    /**
     * @param microThread the microthread to run
     * @param name how logs name it, such as {@code postage-microthread-3}
     */
    MicroThreadRunner(MicroThread microThread, String name) {
        this.microThread = microThread;
        this.name = name;
    }

    /** @return the outcome of {@link MicroThread#create()}; call it once, before {@link #step()} */
    Outcome create() {
        created = true;
        return call("create", () -> {
            microThread.create();
            return Step.CONTINUE;
        });
    }

    /** @return the outcome of {@link MicroThread#step()}, preceded by {@link #create()} the first time */
    Outcome step() {
        if (!created) {
            Outcome creation = create();
            if (creation != Outcome.CONTINUE) {
                return creation;
            }
        }
        return call("step", microThread::step);
    }

    /** Calls {@link MicroThread#finish()} once, if {@link MicroThread#create()} ran; a failure is logged. */
    void finish() {
        if (!created) {
            return;
        }
        created = false;
        try {
            microThread.finish();
        } catch (Exception failure) {
            LOG.log(Level.WARNING, () -> "Microthread " + this + " failed in finish()", failure);
        }
    }

    @Override
    public String toString() {
        return name + " (" + microThread + ")";
    }

    private Outcome call(String method, Callable<Step> body) {
        try {
            return body.call() == Step.DONE ? Outcome.FINISHED : Outcome.CONTINUE;
        } catch (ExitScheduler exit) {
            LOG.log(Level.DEBUG, () -> "Microthread " + this + " asked the scheduler to exit: " + exit.getMessage());
            return Outcome.EXIT_SCHEDULER;
        } catch (Exception failure) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.log(Level.WARNING, () -> "Microthread " + this + " failed in " + method + "(); removed", failure);
            return Outcome.FINISHED;
        }
    }
}
