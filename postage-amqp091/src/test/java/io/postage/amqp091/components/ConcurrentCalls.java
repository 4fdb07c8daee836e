package io.postage.amqp091.components;

import static org.assertj.core.api.Assertions.assertThat;

import io.postage.Producer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Many threads calling one producer at once, each checking that every answer is its own. */
final class ConcurrentCalls {
    private ConcurrentCalls() {
    }

    /**
     * Makes {@code threads * callsPerThread} calls of an echoing RPC, each with a question of its own,
     * and asserts that each got its own question back.
     */
    static void assertEachCallGetsItsOwnAnswer(Producer producer, String command, int threads, int callsPerThread)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> outcomes = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int t = thread;
                outcomes.add(pool.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (int call = 0; call < callsPerThread; call++) {
                        String question = "t" + t + "-c" + call;
                        Object answer = producer.rpc(command, question).content().get("value");
                        if (!question.equals(answer)) {
                            wrong.add(question + " got " + answer);
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<List<String>> outcome : outcomes) {
                assertThat(outcome.get(60, TimeUnit.SECONDS)).as("calls answered with another call's answer").isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
