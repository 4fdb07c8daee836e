package io.postage;

import io.postage.internal.DebugLog;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
 * (logged), and the processor goes on. Built in: the {@code quit} command stops consuming and makes
 * the scheduler exit; {@code restart} acknowledges and re-executes the JVM's command line.
 *
 * <p>A handler method takes, in any order, the content ({@code Map<String, Object>}; the whole body for
 * {@link MessageHandlerFullBody}), the {@link Message}, a {@link DeliveryInfo} and, for RPC, a
 * {@link Reply}. Handler methods may be private; in a named module, open the package to {@code io.postage}.
 */
public abstract class MessageProcessor implements MicroThread, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MessageProcessor.class.getName());
    private static final long POLL_MILLIS = 100;

    private final Fingerprint fingerprint;
    private final ProcessorSettings settings;
    private final List<Binding> bindings = new ArrayList<>();
    private final Map<QueueSpec, String> declaredQueues = new HashMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private Transport transport;
    private DeliveryProcessor deliveryProcessor;
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
            MessageCodec codec = MessageCodec.of(config.codec(), settings.decodeLimits());
            deliveryProcessor = new DeliveryProcessor(this, codec, transport,
                    new DebugLog(getClass().getSimpleName(), config.debugMode()));
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
     * @return {@link Step#CONTINUE}, or {@link Step#DONE} once closed
     * @throws ExitScheduler when a handler (such as {@code quit}) asks the scheduler to exit
     * @throws InterruptedException if interrupted while waiting
     */
    @Override
    public final Step step() throws InterruptedException {
        Delivery delivery = deliveries.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        if (delivery != null) {
            try {
                deliveryProcessor.process(delivery);
            } catch (ExitScheduler exit) {
                close(); // the message that asked for it is acknowledged already
                throw exit;
            } catch (AckAndRestart e) {
                LOG.log(Level.INFO, "{0} restarts: {1}", this, e.getMessage());
                restart();
            }
        }
        return isClosed() ? Step.DONE : Step.CONTINUE;
    }

    /** Closes the processor once the scheduler is done with it. */
    @Override
    public final void finish() {
        close();
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

    /** Stops consuming (unprocessed deliveries go back to their queues) and closes the connection; idempotent. */
    @Override
    public final synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopConsumingAll();
        if (transport != null) {
            transport.close();
        }
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

    private synchronized boolean isClosed() {
        return closed;
    }

    private void declareAndBind(Binding binding) {
        transport.declareExchange(binding.exchange());
        String queue = declaredQueues.computeIfAbsent(binding.queue(), transport::declareQueue);
        transport.bindQueue(queue, binding.exchange().name(), binding.routingKey());
        subscriptions.computeIfAbsent(queue, name -> transport.consume(name, settings.prefetch(), deliveries::add));
    }

    private void stopConsumingAll() {
        for (Delivery delivery = deliveries.poll(); delivery != null; delivery = deliveries.poll()) {
            delivery.reject(true);
        }
        subscriptions.values().forEach(Subscription::close);
        subscriptions.clear();
        deliveries.clear(); // arrived meanwhile: closing their subscription gave them back to the broker
    }
}
