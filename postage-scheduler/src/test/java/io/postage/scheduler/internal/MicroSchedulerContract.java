package io.postage.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.postage.ExitScheduler;
import io.postage.MicroScheduler;
import io.postage.MicroThread;
import io.postage.MicroThread.Step;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link MicroScheduler} must do, whatever its threading. Each scheduler's test extends
 * this class and names its provider id; schedulers are built through {@link MicroScheduler#builder()},
 * so the provider is found by ServiceLoader as users find it.
 */
@Timeout(30)
abstract class MicroSchedulerContract {
    /** A generous bound for anything that should take milliseconds. */
    static final Duration GENEROUS = Duration.ofSeconds(10);

    protected final List<String> events = Recorder.events();
    /** How many microthreads made by {@link #endless} are in a step now. */
    protected final AtomicInteger inStep = new AtomicInteger();
    protected LogCapture logs;

    /** @return the provider id of the scheduler under test */
    abstract String schedulerId();

    @BeforeEach
    void captureLogs() {
        logs = new LogCapture();
    }

    @AfterEach
    void releaseLogs() {
        logs.close();
    }

    MicroScheduler scheduler(boolean autoQuit) {
        return MicroScheduler.builder().scheduler(schedulerId()).autoQuit(autoQuit).build();
    }

    static void runWithin(MicroScheduler scheduler) {
        assertTimeoutPreemptively(GENEROUS, scheduler::run);
    }

    static Thread startRunning(MicroScheduler scheduler) {
        return Thread.ofPlatform().name("test-run").start(scheduler::run);
    }

    static void assertEnds(Thread thread) throws InterruptedException {
        assertThat(thread.join(GENEROUS)).as("%s ended", thread.getName()).isTrue();
    }

    /**
     * @return a microthread that steps until stopped, counts down {@code started} at each step and
     *     is counted in {@link #inStep} while in a step
     */
    Recorder endless(String name, CountDownLatch started) {
        return new Recorder(name, events, step -> {
            inStep.incrementAndGet();
            try {
                started.countDown();
                Thread.sleep(1);
                return Step.CONTINUE;
            } finally {
                inStep.decrementAndGet();
            }
        });
    }

    @Test
    void autoQuitMakesRunReturnOnceEveryMicrothreadIsDone() {
        Recorder a = Recorder.finishingAfter("A", 3, events);
        Recorder b = Recorder.finishingAfter("B", 5, events);
        try (MicroScheduler scheduler = scheduler(true)) {
            scheduler.add(a);
            scheduler.add(b);
            runWithin(scheduler);
        }
        assertThat(a.steps()).isEqualTo(3);
        assertThat(b.steps()).isEqualTo(5);
    }

    @Test
    void autoQuitMakesRunReturnAtOnceWhenNoMicrothreadWasAdded() {
        try (MicroScheduler scheduler = scheduler(true)) {
            runWithin(scheduler);
        }
    }

    @Test
    void exitSchedulerStopsEveryMicrothreadAfterItsCurrentStep() {
        CountDownLatch aStepped = new CountDownLatch(1);
        CountDownLatch bStepped = new CountDownLatch(1);
        Recorder a = endless("A", aStepped);
        Recorder b = endless("B", bStepped);
        Recorder quitter = new Recorder("Q", events, step -> {
            if (step == 3) {
                awaitWithin(aStepped);
                awaitWithin(bStepped);
                throw new ExitScheduler("enough");
            }
            return Step.CONTINUE;
        });
        try (MicroScheduler scheduler = scheduler(false)) {
            scheduler.add(a);
            scheduler.add(b);
            scheduler.add(quitter);
            runWithin(scheduler);
        }
        int stepsOfA = a.steps();
        int stepsOfB = b.steps();
        assertThat(inStep).as("microthreads still in a step after run()").hasValue(0);
        assertThat(quitter.steps()).isEqualTo(3);
        assertThat(stepsOfA).isPositive();
        assertThat(stepsOfB).isPositive();
        assertThat(List.of(a.steps(), b.steps())).as("no step after run()").containsExactly(stepsOfA, stepsOfB);
        assertThat(logs.warnings()).isEmpty();
    }

    @Test
    void aMicrothreadThatThrowsIsLoggedAndRemovedWhileTheOthersGoOn() {
        IllegalStateException boom = new IllegalStateException("boom");
        Recorder failingStep = new Recorder("F", events, step -> {
            if (step == 2) {
                throw boom;
            }
            return Step.CONTINUE;
        });
        AtomicInteger stepsAfterFailedCreate = new AtomicInteger();
        MicroThread failingCreate = new MicroThread() {
            @Override
            public void create() {
                throw new IllegalArgumentException("bad create");
            }

            @Override
            public Step step() {
                stepsAfterFailedCreate.incrementAndGet();
                return Step.CONTINUE;
            }

            @Override
            public String toString() {
                return "G";
            }
        };
        Recorder healthy = Recorder.finishingAfter("H", 5, events);
        try (MicroScheduler scheduler = scheduler(true)) {
            scheduler.add(failingStep);
            scheduler.add(failingCreate);
            scheduler.add(healthy);
            runWithin(scheduler);
        }
        assertThat(failingStep.steps()).isEqualTo(2);
        assertThat(stepsAfterFailedCreate).hasValue(0);
        assertThat(healthy.steps()).isEqualTo(5);
        assertThat(logs.warnings()).extracting(LogRecord::getThrown)
                .hasSize(2)
                .contains(boom)
                .anySatisfy(thrown -> assertThat(thrown).hasMessage("bad create"));
        assertThat(logs.warningMessages()).anySatisfy(message -> assertThat(message).contains("F", "step()"))
                .anySatisfy(message -> assertThat(message).contains("G", "create()"));
    }

    @Test
    void stopFromAnotherThreadMakesRunReturn() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        try (MicroScheduler scheduler = scheduler(false)) {
            scheduler.add(endless("A", started));
            Thread stopper = Thread.ofPlatform().start(() -> {
                awaitQuietly(started);
                scheduler.stop();
            });
            runWithin(scheduler);
            assertEnds(stopper);
        }
        assertThat(logs.warnings()).isEmpty();
    }

    @Test
    void addFromAnotherThreadWhileRunningStartsTheMicrothread() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Recorder late = new Recorder("L", events, step -> {
            if (step == 3) {
                throw new ExitScheduler();
            }
            return Step.CONTINUE;
        });
        try (MicroScheduler scheduler = scheduler(false)) {
            scheduler.add(endless("A", started));
            Thread adder = Thread.ofPlatform().start(() -> {
                awaitQuietly(started);
                scheduler.add(late);
            });
            runWithin(scheduler);
            assertEnds(adder);
        }
        assertThat(late.creates()).isOne();
        assertThat(late.steps()).isEqualTo(3);
    }

    @Test
    void withoutAutoQuitAnEmptySchedulerWaitsForMicrothreadsAddedLater() throws InterruptedException {
        Recorder late = new Recorder("L", events, step -> {
            throw new ExitScheduler();
        });
        try (MicroScheduler scheduler = scheduler(false)) {
            Thread running = startRunning(scheduler);
            Thread.sleep(50); // most likely run() is waiting by now; the test holds either way
            assertThat(running.isAlive()).as("run() waits without auto-quit").isTrue();
            scheduler.add(late);
            assertEnds(running);
        }
        assertThat(late.steps()).isOne();
    }

    @Test
    void addFromARunningMicrothreadSchedulesTheNewOne() {
        Recorder child = Recorder.finishingAfter("C", 3, events);
        try (MicroScheduler scheduler = scheduler(true)) {
            scheduler.add(new Recorder("P", events, step -> {
                scheduler.add(child);
                return Step.DONE;
            }));
            runWithin(scheduler);
        }
        assertThat(child.creates()).isOne();
        assertThat(child.steps()).isEqualTo(3);
    }

    @Test
    void createRunsOnceBeforeTheFirstStepOnTheThreadOfTheSteps() {
        Recorder a = Recorder.finishingAfter("A", 3, events);
        try (MicroScheduler scheduler = scheduler(true)) {
            scheduler.add(a);
            runWithin(scheduler);
        }
        assertThat(events).containsExactly("A.create", "A1", "A2", "A3");
        assertThat(a.threads()).hasSize(1);
    }

    @Test
    void closeIsIdempotentBeforeDuringAndAfterRun() throws InterruptedException {
        MicroScheduler unused = scheduler(true);
        unused.close();
        unused.close();
        assertThatThrownBy(unused::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");

        CountDownLatch started = new CountDownLatch(1);
        MicroScheduler running = scheduler(false);
        running.add(endless("A", started));
        Thread runThread = startRunning(running);
        awaitWithin(started);
        assertTimeoutPreemptively(GENEROUS, running::close);
        int steps = events.size();
        assertThat(inStep).as("microthreads still in a step after close()").hasValue(0);
        running.close();
        assertEnds(runThread);
        assertThat(events).as("no step after close()").hasSize(steps);
    }

    @Test
    void runCannotBeCalledTwice() {
        try (MicroScheduler scheduler = scheduler(true)) {
            runWithin(scheduler);
            assertThatThrownBy(scheduler::run).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already run");
        }
    }

    @Test
    void runCannotBeCalledWhileItIsRunning() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        try (MicroScheduler scheduler = scheduler(false)) {
            scheduler.add(endless("A", started));
            Thread running = startRunning(scheduler);
            awaitWithin(started);
            assertThatThrownBy(scheduler::run).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already executing");
            scheduler.stop();
            assertEnds(running);
        }
    }

    @Test
    void addAfterTheSchedulerExitedIsRefused() {
        try (MicroScheduler scheduler = scheduler(true)) {
            runWithin(scheduler);
            assertThatThrownBy(() -> scheduler.add(Recorder.finishingAfter("A", 1, events)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("exit");
        }
    }

    @Test
    void stopBeforeRunMakesRunReturnWithoutRunningAnything() {
        Recorder a = Recorder.finishingAfter("A", 1, events);
        try (MicroScheduler scheduler = scheduler(false)) {
            scheduler.add(a);
            scheduler.stop();
            runWithin(scheduler);
        }
        assertThat(events).isEmpty();
    }

    @Test
    void interruptingTheThreadInRunStopsTheSchedulerAndKeepsItsInterruptStatus() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interruptedAfterRun = new AtomicBoolean();
        try (MicroScheduler scheduler = scheduler(false)) {
            scheduler.add(endless("A", started));
            Thread running = Thread.ofPlatform().start(() -> {
                scheduler.run();
                interruptedAfterRun.set(Thread.currentThread().isInterrupted());
            });
            awaitWithin(started);
            running.interrupt();
            assertEnds(running);
        }
        assertThat(interruptedAfterRun).isTrue();
    }

    static void awaitWithin(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(GENEROUS.toMillis(), TimeUnit.MILLISECONDS)).as("latch reached zero").isTrue();
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void finishRunsOnceAfterTheLastStepOfAMicrothreadThatIsDone() {
        Recorder a = Recorder.finishingAfter("a", 2, events);
        MicroScheduler scheduler = scheduler(true);
        scheduler.add(a);

        runWithin(scheduler);

        assertThat(a.finishes()).isEqualTo(1);
        assertThat(a.stepsBeforeFinish()).isEqualTo(2);
    }

    @Test
    void finishRunsForEveryMicrothreadWhenTheSchedulerExits() {
        Recorder stopper = new Recorder("stopper", events, step -> {
            throw new ExitScheduler();
        });
        Recorder other = new Recorder("other", events, step -> Step.CONTINUE);
        MicroScheduler scheduler = scheduler(true);
        scheduler.add(other);
        scheduler.add(stopper);

        runWithin(scheduler);

        assertThat(stopper.finishes()).isEqualTo(1);
        assertThat(other.finishes()).isEqualTo(1);
    }

    @Test
    void finishRunsAfterAStepFailed() {
        Recorder failing = new Recorder("failing", events, step -> {
            throw new IllegalStateException("boom");
        });
        MicroScheduler scheduler = scheduler(true);
        scheduler.add(failing);

        runWithin(scheduler);

        assertThat(failing.finishes()).isEqualTo(1);
    }
}
