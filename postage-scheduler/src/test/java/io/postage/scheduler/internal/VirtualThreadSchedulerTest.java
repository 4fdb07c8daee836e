package io.postage.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.ExitScheduler;
import io.postage.MicroScheduler;
import io.postage.MicroThread;
import io.postage.MicroThread.Step;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/** The contract, plus what only one virtual thread per microthread can do. */
class VirtualThreadSchedulerTest extends MicroSchedulerContract {
    private static final Duration SHORT_SHUTDOWN = Duration.ofMillis(100);

    @Override
    String schedulerId() {
        return "virtual-threads";
    }

    private MicroScheduler schedulerWithShortShutdown() {
        return MicroScheduler.builder().scheduler(schedulerId()).autoQuit(false).shutdownTimeout(SHORT_SHUTDOWN).build();
    }

    @Test
    void tenThousandMicrothreadsThatBlockBrieflyAllComplete() {
        int count = 10_000;
        LongAdder steps = new LongAdder();
        CountDownLatch allStepped = new CountDownLatch(count);
        try (MicroScheduler scheduler = scheduler(true)) {
            for (int i = 0; i < count; i++) {
                boolean sleeper = i % 2 == 0;
                scheduler.add(new MicroThread() {
                    private int step;

                    @Override
                    public Step step() throws InterruptedException {
                        steps.increment();
                        switch (++step) {
                            case 1 -> allStepped.countDown();
                            case 2 -> {
                                if (sleeper) {
                                    Thread.sleep(1);
                                } else {
                                    allStepped.await(); // only returns once every microthread has stepped
                                }
                            }
                            default -> {
                                return Step.DONE;
                            }
                        }
                        return Step.CONTINUE;
                    }
                });
            }
            runWithin(scheduler);
        }
        assertThat(steps.sum()).isEqualTo(3L * count);
        assertThat(logs.warnings()).isEmpty();
    }

    @Test
    void aBlockingMicrothreadDoesNotStallTheOthers() {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Recorder blocking = new Recorder("A", events, step -> {
            blocked.countDown();
            awaitWithin(release);
            return Step.DONE;
        });
        Recorder other = new Recorder("B", events, step -> {
            if (step == 1) {
                awaitWithin(blocked);
            }
            if (step < 100) {
                return Step.CONTINUE;
            }
            release.countDown(); // 100 steps while A was blocked
            return Step.DONE;
        });
        try (MicroScheduler scheduler = scheduler(true)) {
            scheduler.add(blocking);
            scheduler.add(other);
            runWithin(scheduler);
        }
        assertThat(blocking.steps()).isOne();
        assertThat(other.steps()).isEqualTo(100);
        assertThat(logs.warnings()).isEmpty();
    }

    @Test
    void theShutdownTimeoutInterruptsAMicrothreadStuckInABlockingStep() {
        CountDownLatch inStep = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        try (MicroScheduler scheduler = schedulerWithShortShutdown()) {
            scheduler.add(new Recorder("Stuck", events, step -> {
                inStep.countDown();
                try {
                    new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    throw e;
                }
                return Step.CONTINUE;
            }));
            scheduler.add(new Recorder("Quitter", events, step -> {
                awaitWithin(inStep);
                throw new ExitScheduler();
            }));
            runWithin(scheduler);
        }
        assertThat(interrupted).isTrue();
        assertThat(logs.warningMessages()).anySatisfy(message -> assertThat(message).contains("Interrupting", "Stuck"));
    }

    @Test
    void runReturnsEvenWhenAMicrothreadIgnoresTheInterrupt() throws InterruptedException {
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        try (MicroScheduler scheduler = schedulerWithShortShutdown()) {
            scheduler.add(new MicroThread() {
                @Override
                public Step step() {
                    inStep.countDown();
                    while (release.getCount() > 0) {
                        try {
                            release.await();
                        } catch (InterruptedException ignored) {
                            // this microthread insists on finishing its step
                        }
                    }
                    ended.countDown();
                    return Step.CONTINUE;
                }

                @Override
                public String toString() {
                    return "Stubborn";
                }
            });
            scheduler.add(new Recorder("Quitter", events, step -> {
                awaitWithin(inStep);
                throw new ExitScheduler();
            }));
            runWithin(scheduler);
            assertThat(logs.warningMessages()).anySatisfy(message -> assertThat(message).contains("Leaving behind", "Stubborn"));
        } finally {
            release.countDown();
        }
        awaitWithin(ended);
    }

    @Test
    void eachMicrothreadRunsOnItsOwnNamedVirtualThread() {
        Recorder a = Recorder.finishingAfter("A", 2, events);
        Recorder b = Recorder.finishingAfter("B", 2, events);
        try (MicroScheduler scheduler = scheduler(true)) {
            scheduler.add(a);
            scheduler.add(b);
            runWithin(scheduler);
        }
        assertThat(a.threads()).singleElement().satisfies(thread -> {
            assertThat(thread.isVirtual()).isTrue();
            assertThat(thread.getName()).matches("postage-microthread-\\d+");
        });
        assertThat(b.threads()).singleElement().isNotIn(a.threads());
    }
}
