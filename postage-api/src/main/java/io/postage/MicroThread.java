package io.postage;

/**
 * A unit of work that a {@link MicroScheduler} runs step by step, as in Postage 1.x: {@link #create()}
 * once, then {@link #step()} again and again until it returns {@link Step#DONE}. A step may block
 * (on the default virtual-thread scheduler the others go on); throwing {@link ExitScheduler} stops
 * the whole scheduler, any other exception is logged and removes this microthread only.
 *
 * {@snippet :
 * class Countdown implements MicroThread {
 *     private int left = 3;
 *
 *     @Override
 *     public Step step() {
 *         System.out.println(left);
 *         return --left == 0 ? Step.DONE : Step.CONTINUE;
 *     }
 * }
 * }
 */
public interface MicroThread {

    /** What a microthread wants after a step. */
    enum Step {
        /** Run another step. */
        CONTINUE,
        /** Finished: remove this microthread (Python's {@code StopIteration}). */
        DONE
    }

    /**
     * Runs once, before the first step, on the thread that runs the steps (the microthread's own
     * virtual thread, or the caller of {@code run()} for the cooperative scheduler).
     *
     * @throws Exception to abort the microthread (it is logged and removed)
     */
    default void create() throws Exception {
    }

    /**
     * Runs one step.
     *
     * @return {@link Step#CONTINUE} to be called again, {@link Step#DONE} when finished
     * @throws ExitScheduler to stop the whole scheduler
     * @throws Exception to abort this microthread (it is logged and removed)
     */
    Step step() throws Exception;

    /**
     * Runs once after the last step, whatever ended the microthread ({@link Step#DONE}, a failure,
     * or the scheduler exiting), on the thread that ran the steps; only if {@link #create()} ran.
     * Release resources here, such as a processor's broker connection.
     *
     * @throws Exception logged; the microthread is over anyway
     */
    default void finish() throws Exception {
    }
}
