package io.postage;

import io.postage.internal.DebugLog;
import io.postage.internal.FailedDeliveries;
import io.postage.internal.InFlight;
import io.postage.internal.RestartCommand;
import io.postage.spi.Delivery;
import io.postage.spi.Subscription;
import io.postage.spi.Transport;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A component that consumes messages and dispatches them to its handlers: Postage 1.x's
 * {@code MessageProcessor}. It is a {@link MicroThread}: add it to a {@link MicroScheduler}, which
 * connects it ({@link #create()}: declares its exchanges and queues, binds them, starts consuming),
 * runs one delivery per {@link #step()}, and closes it at the end ({@link #finish()}).
 *
 * {@snippet :
 * class EchoReceiver extends MessageProcessor {
 *     EchoReceiver() {
 *         super(Fingerprint.of("echo_receive", "controller"), Eqk.of(ECHO, "echo-queue", "echo"));
 *     }
 *
 *     @MessageHandler(name = "echo")
 *     void echo(Map<String, Object> content) {
 *         System.out.println(content.get("parameters"));
 *     }
 *
 *     @RpcHandler(name = "echo")
 *     Message echoRpc(Map<String, Object> content) {
 *         return Message.result(content.get("parameters"));
 *     }
 * }
 * }
 *
 * <p>Semantics follow Postage 1.x: every matching message handler runs, in declaration order
 * (superclass handlers first); the last matching RPC handler answers, and an exception it throws is
 * answered with an exception result; a message is acknowledged after its handlers ran; a body that
 * cannot be decoded, {@link RejectMessage} and any unmanaged exception reject it without requeue
 * (logged), and the processor goes on. With a dead-letter exchange on the queue
 * ({@link QueueSpec#withDeadLetterQueue()}), such a message is dead-lettered with the reason in its
 * headers ({@link DeadLetterHeaders}); a {@link RetryPolicy} in the {@link ProcessorSettings} tries a
 * message whose handler throws again before that. Built in: the {@code quit} command closes the processor
 * and makes the scheduler exit; {@code restart} acknowledges and re-executes the JVM's command line.
 *
 * <p>Closing is graceful ({@link #close()}, {@code quit}, the scheduler ending): the consumers are cancelled,
 * the message whose handlers are at work is finished and acknowledged (up to
 * {@link ProcessorSettings#shutdownTimeout()}), the deliveries received but not started go back to their
 * queues, then the connection closes. No message is lost or handled twice because of it.
 *
 * <p>A handler method takes, in any order, the content ({@code Map<String, Object>}; the whole body for
 * {@link MessageHandlerFullBody}), the {@link Message}, a {@link DeliveryInfo} and, for RPC, a
 * {@link Reply}. Handler methods may be private; in a named module, open the package to {@code io.postage}.
 */
public abstract class MessageProcessor implements MicroThread, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MessageProcessor.class.getName());
    private static final long POLL_MILLIS = 100;
    /** How many retries one processor holds at once per retry queue while they wait to be due. */
    private static final int RETRY_QUEUE_PREFETCH = 500;

    private final Fingerprint fingerprint;
    private final ProcessorSettings settings;
    private final List<Binding> bindings = new ArrayList<>();
    private final Map<QueueSpec, String> declaredQueues = new HashMap<>();
    /** Queue name on the broker to dead-letter exchange; read by retries on their own thread. */
    private final Map<String, String> deadLetterExchanges = new ConcurrentHashMap<>();
    /** Queue name on the broker to its retry queue, when the retry policy allows retries. */
    private final Map<String, String> retryQueues = new ConcurrentHashMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    /** Held to add to {@link #deliveries} or to stop adding; guards {@link #refusing}. */
    private final Object handoff = new Object();
    private final InFlight inFlight = new InFlight();
    private boolean refusing;
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private final List<Consumer<ConnectionState>> stateListeners = new CopyOnWriteArrayList<>();
    private Transport transport;
    private DeliveryProcessor deliveryProcessor;
    private FailedDeliveries failures;
    private boolean stopping;
    private boolean closed;

    /**
     * A processor configured from the environment, prefetch 1.
     *
     * @param fingerprint who this component is
     * @param eqk what it listens to
     */
    protected MessageProcessor(Fingerprint fingerprint, Eqk eqk) {
        this(fingerprint, eqk, ProcessorSettings.fromEnvironment());
    }

    /**
     * @param fingerprint who this component is
     * @param eqk what it listens to
     * @param settings configuration, prefetch and decode limits
     */
    protected MessageProcessor(Fingerprint fingerprint, Eqk eqk, ProcessorSettings settings) {
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.bindings.addAll(eqk.bindings());
        DispatchTable.of(getClass()); // fail fast on a malformed handler
    }

    /** @return who this component is */
    public final Fingerprint fingerprint() {
        return fingerprint;
    }

    /** @return how it connects and consumes */
    public final ProcessorSettings settings() {
        return settings;
    }

    /**
     * Connects, declares every exchange and queue of the eqk, binds them and starts consuming.
     *
     * @throws ConnectionException if the broker cannot be reached
     */
    @Override
    public final synchronized void create() {
        try {
            PostageConfig config = settings.config();
            transport = Providers.transport(config.transport()).connect(config, fingerprint.connectionName());
            stateListeners.forEach(transport::onStateChange);
            MessageCodec codec = MessageCodec.of(config.codec(), settings.decodeLimits());
            failures = new FailedDeliveries(toString(), transport, settings.retryPolicy(),
                    queue -> Optional.ofNullable(deadLetterExchanges.get(queue)),
                    queue -> Optional.ofNullable(retryQueues.get(queue)));
            deliveryProcessor = new DeliveryProcessor(this, codec, transport,
                    new DebugLog(getClass().getSimpleName(), config.debugMode()), failures);
            for (Binding binding : bindings) {
                declareAndBind(binding);
            }
            started.complete(null);
        } catch (RuntimeException e) {
            started.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Waits until {@link #create()} has declared, bound and started consuming everything, so that
     * messages sent from now on reach this processor.
     *
     * @param timeout how long to wait
     * @throws PostageException if it did not start in time, or the cause if starting failed
     */
    public final void awaitStarted(Duration timeout) {
        try {
            started.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof PostageException cause ? cause
                    : new PostageException(this + " failed to start: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new PostageException(this + " did not start within " + timeout.toMillis()
                    + " ms: is it added to a running MicroScheduler?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostageException("Interrupted while waiting for " + this + " to start", e);
        }
    }

    /**
     * Handles the next delivery, waiting a little for one.
     *
     * @return {@link Step#CONTINUE}, or {@link Step#DONE} once closing
     * @throws ExitScheduler when a handler (such as {@code quit}) asks the scheduler to exit
     * @throws InterruptedException if interrupted while waiting
     */
    @Override
    public final Step step() throws InterruptedException {
        Delivery delivery = deliveries.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (delivery != null) {
            try {
                handle(delivery);
            } catch (ExitScheduler exit) {
                close(); // the message that asked for it is acknowledged already
                throw exit;
            } catch (AckAndRestart e) {
                LOG.log(Level.INFO, "{0} restarts: {1}", this, e.getMessage());
                restart();
            } catch (TransportException e) {
                // The connection was lost under the delivery: the broker redelivers it once recovered.
                LOG.log(Level.WARNING, "{0} could not settle a delivery: {1}", this, e.getMessage());
            }
        }
        if (isStopping()) {
            closeConnection(); // closing began, maybe in a handler: end it now that the handlers are done
            return Step.DONE;
        }
        return Step.CONTINUE;
    }

    /**
     * Closes the processor once the scheduler is done with it. An interrupt (the scheduler's last resort) is
     * set aside meanwhile, so that it cannot break the connection while the last settlements are sent.
     */
    @Override
    public final void finish() {
        boolean interrupted = Thread.interrupted();
        try {
            close();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Binds a queue at run time (declaring the exchange and the queue), and consumes the queue if it
     * is new. Before {@link #create()} it is added to the eqk.
     *
     * @param exchange the exchange
     * @param queue the queue
     * @param routingKey the binding key
     */
    public final synchronized void queueBind(Exchange exchange, QueueSpec queue, String routingKey) {
        Binding binding = new Binding(exchange, queue, routingKey);
        bindings.add(binding);
        if (transport != null) {
            declareAndBind(binding);
        }
    }

    /**
     * Removes a binding at run time. The queue is still consumed.
     *
     * @param exchange the exchange
     * @param queue the queue
     * @param routingKey the binding key
     */
    public final synchronized void queueUnbind(Exchange exchange, QueueSpec queue, String routingKey) {
        bindings.remove(new Binding(exchange, queue, routingKey));
        if (transport != null) {
            transport.declareExchange(exchange);
            transport.unbindQueue(queueName(queue), exchange.name(), routingKey);
        }
    }

    /**
     * Stops consuming a queue; its unprocessed deliveries go back to it. A named queue bound again
     * later is declared again, since the broker deletes an auto-delete queue with its last consumer.
     *
     * @param queue the queue
     */
    public final synchronized void stopConsuming(QueueSpec queue) {
        Subscription subscription = subscriptions.remove(queueName(queue));
        if (subscription != null) {
            subscription.close();
        }
        if (!queue.isServerNamed()) {
            declaredQueues.remove(queue);
        }
    }

    /**
     * @param queue a queue of this processor's bindings
     * @return its name on the broker (the broker's choice for a server-named queue)
     * @throws IllegalStateException if it was not declared yet
     */
    public final synchronized String queueName(QueueSpec queue) {
        if (!queue.isServerNamed()) {
            return queue.name();
        }
        String name = declaredQueues.get(queue);
        if (name == null) {
            throw new IllegalStateException("Queue " + queue + " has no name yet: it is named when the processor starts");
        }
        return name;
    }

    /**
     * @return the state of the connection: {@link ConnectionState#CLOSED} before {@link #create()} and after
     *     {@link #close()}, {@link ConnectionState#RECOVERING} while a lost connection is reopened with its
     *     queues, bindings and consumers
     */
    public final synchronized ConnectionState state() {
        return transport == null ? ConnectionState.CLOSED : transport.state();
    }

    /**
     * Adds a listener of the connection's state changes; it may be added before {@link #create()}.
     *
     * @param listener told each later change, on the transport's thread; it should return quickly
     */
    public final synchronized void onStateChange(Consumer<ConnectionState> listener) {
        stateListeners.add(Objects.requireNonNull(listener, "listener"));
        if (transport != null) {
            transport.onStateChange(listener);
        }
    }

    /**
     * Closes gracefully: cancels the consumers, gives the deliveries received but not started back to their
     * queues, waits up to {@link ProcessorSettings#shutdownTimeout()} for the handlers at work to finish and
     * settle their message (at the deadline, that message goes back to its queue too), then closes the
     * connection. Called by a handler, it returns at once and the connection closes when the handlers are
     * done. Idempotent.
     */
    @Override
    public final void close() {
        if (!stopTakingDeliveries() || inFlight.isWorking()) {
            return;
        }
        if (!inFlight.stop(settings.shutdownTimeout())) {
            LOG.log(Level.WARNING, "{0}: a handler was still at work {1} ms after closing began; its message went"
                    + " back to the queue", this, settings.shutdownTimeout().toMillis());
        }
        closeConnection();
    }

    /**
     * Re-executes this JVM with the same command line, as Postage 1.x's {@code restart} does with
     * {@code os.execl}: closes this processor, starts {@link #restartCommand()} with the same
     * standard streams, and exits. Override it to restart differently.
     */
    protected void restart() {
        List<String> command = restartCommand();
        close();
        try {
            new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            throw new PostageException("Cannot restart with " + command + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime().exit(0);
    }

    /** @return the command line {@link #restart()} runs: this process's executable and arguments */
    protected List<String> restartCommand() {
        return RestartCommand.ofCurrentProcess();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + fingerprint.name() + "]";
    }

    @MessageHandler(name = "quit")
    private void quitCommand() {
        throw new ExitScheduler("quit command received by " + this);
    }

    @MessageHandler(name = "restart")
    private void restartCommandReceived() {
        throw new AckAndRestart("restart command received by " + this);
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    private void handle(Delivery delivery) {
        Delivery tracked = inFlight.start(delivery).orElse(null);
        if (tracked == null) { // closing began after it was taken from the queue
            giveBack(delivery);
            return;
        }
        try {
            deliveryProcessor.process(tracked);
        } finally {
            inFlight.end();
        }
    }

    private void declareAndBind(Binding binding) {
        declareDeadLetterQueue(binding.queue());
        transport.declareExchange(binding.exchange());
        String queue = declaredQueues.computeIfAbsent(binding.queue(), transport::declareQueue);
        binding.queue().deadLetter().ifPresent(exchange -> deadLetterExchanges.put(queue, exchange));
        transport.bindQueue(queue, binding.exchange().name(), binding.routingKey());
        declareRetryQueue(binding.queue(), queue);
        subscriptions.computeIfAbsent(queue, name -> transport.consume(name, settings.prefetch(), this::handOver));
    }

    /** Declares the dead-letter exchange and queue a queue asks for, before the queue that refers to them. */
    private void declareDeadLetterQueue(QueueSpec queue) {
        if (declaredQueues.containsKey(queue)) {
            return;
        }
        queue.deadLetterExchangeSpec().ifPresent(transport::declareExchange);
        queue.deadLetterQueueSpec().ifPresent(deadLetters -> transport.bindQueue(transport.declareQueue(deadLetters),
                queue.deadLetterExchange(), ""));
    }

    /**
     * Declares and consumes {@code <queue>.retry}, with the queue's flags, where failed messages wait for
     * their retry, when the retry policy allows retries.
     */
    private void declareRetryQueue(QueueSpec spec, String queue) {
        if (!settings.retryPolicy().allowsRetryAfter(1) || retryQueues.containsKey(queue)) {
            return;
        }
        String retryQueue = transport.declareQueue(new QueueSpec(queue + ".retry", spec.durable(), spec.exclusive(),
                spec.autoDelete(), Map.of()));
        subscriptions.computeIfAbsent(retryQueue, name -> transport.consume(name, RETRY_QUEUE_PREFETCH,
                parked -> failures.unpark(parked, queue)));
        retryQueues.put(queue, retryQueue);
    }

    /** Called by the transport's consumer threads. */
    private void handOver(Delivery delivery) {
        synchronized (handoff) {
            if (!refusing) {
                deliveries.add(delivery);
                return;
            }
        }
        giveBack(delivery); // on its way when the consumer was cancelled
    }

    /**
     * The first step of closing: refuse what the consumers still hand over, cancel them (their channels stay
     * open for the settlements to come) and give back what waits in the queue.
     *
     * @return whether this call began closing (false if it had begun already)
     */
    private synchronized boolean stopTakingDeliveries() {
        if (stopping) {
            return false;
        }
        stopping = true;
        List<Delivery> waiting = new ArrayList<>();
        synchronized (handoff) {
            refusing = true;
            deliveries.drainTo(waiting);
        }
        subscriptions.values().forEach(Subscription::cancel);
        waiting.forEach(MessageProcessor::giveBack);
        if (failures != null) {
            failures.close(); // retries not due yet stay in their retry queues
        }
        return true;
    }

    private synchronized void closeConnection() {
        if (closed) {
            return;
        }
        closed = true;
        subscriptions.values().forEach(Subscription::close);
        subscriptions.clear();
        if (transport != null) {
            transport.close();
        }
    }

    private static void giveBack(Delivery delivery) {
        try {
            delivery.reject(true);
        } catch (TransportException e) {
            LOG.log(Level.DEBUG, e.getMessage()); // its subscription is closed: the broker requeues it anyway
        }
    }
}
