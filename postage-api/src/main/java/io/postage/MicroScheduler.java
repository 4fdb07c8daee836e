package io.postage;

import io.postage.spi.SchedulerSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * Runs {@link MicroThread}s: Postage 1.x's {@code MicroScheduler}. The default implementation
 * ({@code virtual-threads}, in {@code postage-scheduler}) gives each microthread its own virtual
 * thread, so one may block, even on an RPC call, without stalling the others; {@code cooperative}
 * steps them round robin on the caller's thread, deterministically, as Python does.
 *
 * {@snippet :
 * try (MicroScheduler scheduler = MicroScheduler.create()) {
 *     scheduler.add(new EchoProcessor());
 *     scheduler.add(new StatusReporter());
 *     scheduler.run(); // until a "quit" command throws ExitScheduler
 * }
 * }
 */
public interface MicroScheduler extends AutoCloseable {

    /**
     * @return a scheduler with the default implementation and settings (auto-quit on)
     * @throws ProviderNotFoundException if {@code postage-scheduler} is missing
     */
    static MicroScheduler create() {
        return builder().build();
    }

    /** @return a builder to choose the implementation and settings */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Adds a microthread. It may be called before {@link #run()}, from a running microthread, or from
     * another thread while the scheduler runs.
     *
     * @param microThread the microthread
     * @throws IllegalStateException if the scheduler was asked to exit or has exited
     */
    void add(MicroThread microThread);

    /**
     * Runs the microthreads on the calling thread's behalf and blocks until the scheduler exits:
     * when a microthread throws {@link ExitScheduler}, when {@link #stop()} is called, or, with
     * auto-quit, when no microthread is left; interrupting the thread in {@code run()} counts as
     * {@link #stop()}. Every microthread finishes its current step first; the {@code virtual-threads}
     * scheduler interrupts steps still running after the shutdown timeout (the {@code cooperative}
     * one cannot cut short a step running on the caller's own thread).
     *
     * @throws IllegalStateException if {@code run()} is running already, has run, or the scheduler was closed
     */
    void run();

    /**
     * Asks the scheduler to exit, as {@link ExitScheduler} would; returns at once. Called before
     * {@link #run()}, it makes {@code run()} return at once.
     */
    void stop();

    /** Stops the scheduler and waits, within the shutdown timeout, for its microthreads to end. */
    @Override
    void close();

    /** Chooses the scheduler implementation and its settings. */
    final class Builder {
        private String id = "virtual-threads";
        private boolean autoQuit = SchedulerSettings.DEFAULT.autoQuit();
        private Duration shutdownTimeout = SchedulerSettings.DEFAULT.shutdownTimeout();

        private Builder() {
        }

        /**
         * @param id {@code virtual-threads} (default) or {@code cooperative}
         * @return this builder
         */
        public Builder scheduler(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * @param autoQuit whether {@link #run()} returns once no microthread is left (default true;
         *     Postage 1.x defaults to false and waits for new microthreads)
         * @return this builder
         */
        public Builder autoQuit(boolean autoQuit) {
            this.autoQuit = autoQuit;
            return this;
        }

        /**
         * @param shutdownTimeout how long to wait for microthreads to finish their step on exit (default 10 s)
         * @return this builder
         */
        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
            return this;
        }

        /**
         * @return a new scheduler
         * @throws ProviderNotFoundException if no scheduler has the chosen id
         */
        public MicroScheduler build() {
            return Providers.scheduler(id).create(new SchedulerSettings(autoQuit, shutdownTimeout));
        }
    }
}
