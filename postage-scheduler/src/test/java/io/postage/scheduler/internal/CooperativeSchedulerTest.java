package io.postage.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.ExitScheduler;
import io.postage.MicroScheduler;
import io.postage.MicroThread.Step;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The contract, plus the deterministic round robin of the {@code cooperative} scheduler. */
class CooperativeSchedulerTest extends MicroSchedulerContract {

    @Override
    String schedulerId() {
        return "cooperative";
    }

    @Test
    void stepsInterleaveRoundRobinInTheOrderOfAdd() {
        try (MicroScheduler scheduler = scheduler(true)) {
            scheduler.add(Recorder.finishingAfter("A", 3, events));
            scheduler.add(Recorder.finishingAfter("B", 3, events));
            scheduler.add(Recorder.finishingAfter("C", 3, events));
            runWithin(scheduler);
        }
        assertThat(events).filteredOn(event -> !event.endsWith(".create"))
                .containsExactly("A1", "B1", "C1", "A2", "B2", "C2", "A3", "B3", "C3");
    }

    @Test
    void aFinishedMicrothreadLeavesTheRotation() {
        try (MicroScheduler scheduler = scheduler(true)) {
            scheduler.add(Recorder.finishingAfter("A", 1, events));
            scheduler.add(Recorder.finishingAfter("B", 3, events));
            runWithin(scheduler);
        }
        assertThat(events).filteredOn(event -> !event.endsWith(".create")).containsExactly("A1", "B1", "B2", "B3");
    }

    @Test
    void exitSchedulerLetsTheCurrentRoundFinishThenRunReturns() {
        try (MicroScheduler scheduler = scheduler(false)) {
            scheduler.add(Recorder.finishingAfter("A", 10, events));
            scheduler.add(new Recorder("B", events, step -> {
                if (step == 2) {
                    throw new ExitScheduler();
                }
                return Step.CONTINUE;
            }));
            scheduler.add(Recorder.finishingAfter("C", 10, events));
            runWithin(scheduler);
        }
        assertThat(events).filteredOn(event -> !event.endsWith(".create"))
                .containsExactly("A1", "B1", "C1", "A2", "B2", "C2");
    }

    @Test
    void createRunsWhenTheMicrothreadIsFirstScheduledOnTheCallersThread() {
        Recorder a = Recorder.finishingAfter("A", 2, events);
        Recorder b = Recorder.finishingAfter("B", 2, events);
        try (MicroScheduler scheduler = scheduler(true)) {
            scheduler.add(a);
            scheduler.add(b);
            assertThat(events).as("nothing runs at add()").isEmpty();
            scheduler.run(); // on this thread: the class-wide @Timeout guards it
        }
        assertThat(events).containsExactly("A.create", "A1", "B.create", "B1", "A2", "B2");
        assertThat(a.threads()).containsExactly(Thread.currentThread());
        assertThat(b.threads()).containsExactly(Thread.currentThread());
    }

    @Test
    void aMicrothreadAddedDuringARoundGetsItsFirstStepAtTheEndOfThatRound() {
        try (MicroScheduler scheduler = scheduler(true)) {
            scheduler.add(new Recorder("A", events, step -> {
                if (step == 1) {
                    scheduler.add(Recorder.finishingAfter("D", 2, events));
                }
                return step == 2 ? Step.DONE : Step.CONTINUE;
            }));
            scheduler.add(Recorder.finishingAfter("B", 2, events));
            runWithin(scheduler);
        }
        assertThat(events).filteredOn(event -> !event.endsWith(".create"))
                .containsExactly("A1", "B1", "D1", "A2", "B2", "D2");
    }

    @Test
    void stopFromAnotherThreadTakesEffectAfterTheCurrentStep() throws InterruptedException {
        CountDownLatch inStep = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Recorder b = Recorder.finishingAfter("B", 10, events);
        try (MicroScheduler scheduler = scheduler(false)) {
            scheduler.add(new Recorder("A", events, step -> {
                inStep.countDown();
                awaitWithin(stopped);
                return Step.CONTINUE;
            }));
            scheduler.add(b);
            Thread running = startRunning(scheduler);
            awaitWithin(inStep);
            scheduler.stop();
            stopped.countDown();
            assertEnds(running);
        }
        assertThat(events).filteredOn(event -> !event.endsWith(".create")).containsExactly("A1");
        assertThat(b.creates()).isZero();
    }
}
