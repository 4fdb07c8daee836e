package io.postage.scheduler.internal;

import io.postage.MicroThread;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A microthread for tests: counts and records its {@code create()} and steps (as {@code name + ".create"}
 * and {@code name + stepNumber} in a shared event list) and does what its {@link Action} says at each step.
 */
final class Recorder implements MicroThread {

    /** What a step does, given its number (1 for the first step). */
    @FunctionalInterface
    interface Action {
        Step run(int step) throws Exception;
    }

    private final String name;
    private final List<String> events;
    private final Action action;
    private final AtomicInteger creates = new AtomicInteger();
    private final AtomicInteger steps = new AtomicInteger();
    private final AtomicInteger finishes = new AtomicInteger();
    private volatile int stepsBeforeFinish = -1;
    private final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());

    Recorder(String name, List<String> events, Action action) {
        this.name = name;
        this.events = events;
        this.action = action;
    }

    /** @return a microthread that finishes after {@code count} steps */
    static Recorder finishingAfter(String name, int count, List<String> events) {
        return new Recorder(name, events, step -> step == count ? Step.DONE : Step.CONTINUE);
    }

    /** @return a thread-safe event list to share between recorders */
    static List<String> events() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    @Override
    public void create() {
        threads.add(Thread.currentThread());
        creates.incrementAndGet();
        events.add(name + ".create");
    }

    @Override
    public Step step() throws Exception {
        threads.add(Thread.currentThread());
        int step = steps.incrementAndGet();
        events.add(name + step);
        return action.run(step);
    }

    @Override
    public void finish() {
        stepsBeforeFinish = steps.get();
        finishes.incrementAndGet();
    }

    int creates() {
        return creates.get();
    }

    int finishes() {
        return finishes.get();
    }

    /** @return how many steps had run when finish() was called, or -1 */
    int stepsBeforeFinish() {
        return stepsBeforeFinish;
    }

    int steps() {
        return steps.get();
    }

    /** @return the distinct threads create() and the steps ran on */
    List<Thread> threads() {
        synchronized (threads) {
            return threads.stream().distinct().toList();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
