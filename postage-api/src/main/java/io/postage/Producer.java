package io.postage;

import io.postage.internal.DebugLog;
import io.postage.internal.RpcClient;
import io.postage.spi.DecodeLimits;
import io.postage.spi.MessageProperties;
import io.postage.spi.OutgoingMessage;
import io.postage.spi.PublishOptions;
import io.postage.spi.ReplyChannel;
import io.postage.spi.Subscription;
import io.postage.spi.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sends messages and RPC calls: Postage 1.x's {@code GenericProducer}. It stamps its fingerprint on
 * every message and publishes to its default exchange/key pairs ({@code eks}) unless a {@link Route}
 * says otherwise. Thread-safe: many threads may send and call at once.
 *
 * <p>Delivery guarantees are opt-in ({@link Builder#confirm(boolean)}, {@link Builder#mandatory(boolean)},
 * {@link Builder#persistent(boolean)}): a confirming producer's {@code message(...)} and {@code send(...)}
 * return once the broker has the message, or throw a {@link PublishException}; {@code messageAsync(...)}
 * and {@code sendAsync(...)} pipeline many such publishes. RPC calls are never confirmed: their reply
 * is their confirmation.
 *
 * {@snippet :
 * try (Producer producer = Producer.builder(Fingerprint.of("echo_send", "application"))
 *         .eks(Exchange.direct("echo-exchange"), "echo")
 *         .build()) {
 *     producer.message("echo", Map.of("text", "hello"));
 *     Message reply = producer.rpc("echo", Map.of("text", "RPC test message"));
 *     System.out.println(reply.isSuccess() ? reply.content().get("value") : "RPC failed");
 * }
 * }
 */
public final class Producer implements AutoCloseable {

    private final Fingerprint fingerprint;
    private final List<ExchangeKey> eks;
    private final Duration rpcTimeout;
    private final int maxRetry;
    private final Duration shutdownTimeout;
    private final Transport transport;
    private final MessageCodec codec;
    private final RpcClient rpcClient;
    private final DebugLog debug;
    private final Set<String> declaredExchanges = ConcurrentHashMap.newKeySet();
    private final Optional<PublishOptions> confirmation;
    private final Duration confirmTimeout;
    private final boolean persistent;

    private Producer(Builder builder) {
        this.fingerprint = builder.fingerprint;
        this.eks = List.copyOf(builder.eks);
        this.rpcTimeout = builder.rpcTimeout;
        this.maxRetry = builder.maxRetry;
        this.confirmation = builder.confirm || builder.mandatory
                ? Optional.of(new PublishOptions(builder.mandatory)) : Optional.empty();
        this.confirmTimeout = builder.confirmTimeout;
        this.persistent = builder.persistent.orElse(confirmation.isPresent());
        this.shutdownTimeout = builder.shutdownTimeout;
        PostageConfig config = builder.config;
        this.codec = MessageCodec.of(config.codec(), builder.decodeLimits);
        this.transport = Providers.transport(config.transport()).connect(config, fingerprint.connectionName());
        this.rpcClient = new RpcClient(transport, codec,
                builder.rpcReplies == RpcReplies.SHARED ? ReplyChannel.Kind.SHARED : ReplyChannel.Kind.PRIVATE);
        this.debug = new DebugLog("Producer[" + fingerprint.name() + "]", config.debugMode());
        try {
            eks.forEach(pair -> declare(pair.exchange()));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * @param fingerprint who sends; stamped on every message
     * @return a builder; its configuration comes from the environment unless set
     */
    public static Builder builder(Fingerprint fingerprint) {
        return new Builder(fingerprint);
    }

    /** @return who sends */
    public Fingerprint fingerprint() {
        return fingerprint;
    }

    /** @return the default exchange/key pairs */
    public List<ExchangeKey> eks() {
        return eks;
    }

    /**
     * Sends a command to every default pair: Python's {@code message_<name>(...)}.
     *
     * @param name the command name
     * @param parameters any JSON value, usually a {@code Map}
     */
    public void message(String name, Object parameters) {
        send(Message.command(name, parameters), Route.defaults());
    }

    /**
     * Sends a command along a route.
     *
     * @param name the command name
     * @param parameters any JSON value
     * @param route {@link Route#key(String)} ({@code _key}) or {@link Route#eks(ExchangeKey...)} ({@code _eks})
     */
    public void message(String name, Object parameters, Route route) {
        send(Message.command(name, parameters), route);
    }

    /**
     * Sends a generic message (type and name {@code none}): Python's {@code producer.message(*args, **kwds)}.
     *
     * @param args positional values
     * @param kwds named values
     * @param route where to send it
     */
    public void message(List<?> args, Map<String, ?> kwds, Route route) {
        send(Message.generic(args, kwds), route);
    }

    /**
     * Sends a command to every default pair without waiting for the broker's confirms, so that many
     * publishes are in flight at once.
     *
     * @param name the command name
     * @param parameters any JSON value, usually a {@code Map}
     * @return see {@link #sendAsync(Message, Route)}
     */
    public CompletableFuture<Void> messageAsync(String name, Object parameters) {
        return sendAsync(Message.command(name, parameters), Route.defaults());
    }

    /**
     * Sends a command along a route without waiting for the broker's confirms.
     *
     * @param name the command name
     * @param parameters any JSON value
     * @param route where to send it
     * @return see {@link #sendAsync(Message, Route)}
     */
    public CompletableFuture<Void> messageAsync(String name, Object parameters, Route route) {
        return sendAsync(Message.command(name, parameters), route);
    }

    /**
     * Sends any message to every default pair, stamped with this producer's fingerprint. A confirming
     * producer returns once the broker confirmed every copy.
     *
     * @param message the message
     * @throws PublishException if the producer confirms and the broker refused, could not route (mandatory),
     *     did not confirm in time, or lost the message
     */
    public void send(Message message) {
        send(message, Route.defaults());
    }

    /**
     * Sends any message along a route, stamped with this producer's fingerprint. A confirming producer
     * returns once the broker confirmed every copy.
     *
     * @param message the message
     * @param route where to send it
     * @throws PublishException if the producer confirms and the broker refused, could not route (mandatory),
     *     did not confirm in time, or lost the message
     */
    public void send(Message message, Route route) {
        Message stamped = message.withFingerprint(fingerprint);
        publish(stamped::toWire, codec.encode(stamped), route);
    }

    /**
     * Sends any message to every default pair without waiting for the broker's confirms.
     *
     * @param message the message
     * @return see {@link #sendAsync(Message, Route)}
     */
    public CompletableFuture<Void> sendAsync(Message message) {
        return sendAsync(message, Route.defaults());
    }

    /**
     * Sends any message along a route without waiting for the broker's confirms: a confirming producer
     * keeps many publishes in flight and the future completes once the broker confirmed every copy, or
     * fails with a {@link PublishException}. Without confirms the message is sent before this returns
     * and the future is already complete. Failures before sending (a missing exchange, a closed producer)
     * are thrown, not put in the future. The future completes on a transport thread: use the
     * {@code ...Async} stages of {@link CompletableFuture} for work that blocks.
     *
     * {@snippet :
     * List<CompletableFuture<Void>> confirms = new ArrayList<>();
     * for (int i = 0; i < 20_000; i++) {
     *     confirms.add(producer.messageAsync("record", Map.of("n", i)));
     * }
     * CompletableFuture.allOf(confirms.toArray(CompletableFuture[]::new)).join(); // all confirmed
     * }
     *
     * @param message the message
     * @param route where to send it
     * @return completes when the broker confirmed every copy
     */
    public CompletableFuture<Void> sendAsync(Message message, Route route) {
        Message stamped = message.withFingerprint(fingerprint);
        return publishAsync(stamped::toWire, codec.encode(stamped), route);
    }

    /**
     * Sends a body as it is, without stamping: Postage 1.x's {@code forward}, to pass on a message
     * received from elsewhere.
     *
     * @param body a JSON object, usually a received message's wire map
     * @param route where to send it
     * @throws PublishException if the producer confirms and the publish failed
     */
    public void forward(Map<String, ?> body, Route route) {
        publish(() -> body, codec.encodeBody(body), route);
    }

    /**
     * Calls a remote command and waits for its result: Python's {@code rpc_<name>(...)}.
     *
     * @param name the command name
     * @param parameters any JSON value
     * @return the result; after the timeout and every retry, an exception result carrying {@code TimeoutError}
     */
    public Message rpc(String name, Object parameters) {
        return rpc(Message.rpcCommand(name, parameters), RpcOptions.defaults());
    }

    /**
     * @param name the command name
     * @param parameters any JSON value
     * @param options route, timeout, retries, and whether a final timeout throws
     * @return the result
     * @throws RpcTimeoutException if the options ask for it and no reply came
     */
    public Message rpc(String name, Object parameters, RpcOptions options) {
        return rpc(Message.rpcCommand(name, parameters), options);
    }

    /**
     * @param request a message of category {@code rpc}
     * @param options route, timeout, retries, and whether a final timeout throws
     * @return the result
     * @throws RpcTimeoutException if the options ask for it and no reply came
     */
    public Message rpc(Message request, RpcOptions options) {
        try {
            return rpcAsync(request, options).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Calls a remote command without waiting. The future completes on Postage's reply thread: use the
     * {@code ...Async} stages of {@link CompletableFuture} for work that blocks.
     *
     * @param name the command name
     * @param parameters any JSON value
     * @return the future result
     */
    public CompletableFuture<Message> rpcAsync(String name, Object parameters) {
        return rpcAsync(Message.rpcCommand(name, parameters), RpcOptions.defaults());
    }

    /**
     * @param request a message of category {@code rpc}
     * @param options route, timeout, retries, and whether a final timeout fails the future
     * @return the future result
     */
    public CompletableFuture<Message> rpcAsync(Message request, RpcOptions options) {
        if (request.category() != Category.RPC) {
            throw new IllegalArgumentException("An RPC call needs a message of category rpc, such as "
                    + "Message.rpcCommand(...), not " + request);
        }
        ExchangeKey target = resolve(options.route()).get(0);
        declare(target.exchange());
        Message stamped = request.withFingerprint(fingerprint);
        debug.publish(target.exchange().name(), target.key(), stamped::toWire);
        return rpcClient.call(target.exchange().name(), target.key(), stamped,
                options.timeout().orElse(rpcTimeout), options.maxRetry().orElse(maxRetry), options.throwsOnTimeout());
    }

    /**
     * Sends an RPC call and returns at once with the name of the queue its reply will reach, for
     * {@link #consumeRpc(String, Duration)} later: Postage 1.x's {@code _queue_only}. The queue is
     * exclusive to this producer's connection.
     *
     * @param name the command name
     * @param parameters any JSON value
     * @param route where to send the call (its first pair)
     * @return the reply queue's name
     */
    public String rpcQueueOnly(String name, Object parameters, Route route) {
        ExchangeKey target = resolve(route).get(0);
        declare(target.exchange());
        String replyQueue = transport.declareQueue(QueueSpec.serverNamed());
        Message stamped = Message.rpcCommand(name, parameters).withFingerprint(fingerprint);
        MessageProperties properties = MessageProperties.of(codec.contentType())
                .withReplyTo(replyQueue)
                .withCorrelationId(UUID.randomUUID().toString());
        debug.publish(target.exchange().name(), target.key(), stamped::toWire);
        transport.publish(target.exchange().name(), target.key(), new OutgoingMessage(codec.encode(stamped), properties));
        return replyQueue;
    }

    /**
     * Waits for the reply of a call sent with {@link #rpcQueueOnly(String, Object, Route)}: Postage
     * 1.x's {@code consume_rpc}.
     *
     * @param replyQueue the queue {@code rpcQueueOnly} returned
     * @param timeout how long to wait
     * @return the result, or an exception result carrying {@code TimeoutError}
     */
    public Message consumeRpc(String replyQueue, Duration timeout) {
        CompletableFuture<Message> reply = new CompletableFuture<>();
        Subscription subscription = transport.consume(replyQueue, 1, delivery -> {
            delivery.ack();
            reply.complete(RpcClient.readReply(codec, delivery.body()));
        });
        try {
            return reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Message.exception("TimeoutError", "No reply on " + replyQueue + " within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostageException("Interrupted while waiting for the reply on " + replyQueue, e);
        } catch (ExecutionException e) {
            throw new PostageException("Reading the reply on " + replyQueue + " failed", e.getCause());
        } finally {
            subscription.close();
        }
    }

    /**
     * Returns a typed API: a proxy of an interface whose methods send through this producer. Java's
     * answer to Python's {@code message_<name>(...)} and {@code rpc_<name>(...)}, and a
     * self-documenting network API. Each abstract method carries exactly one of {@link Command}
     * (returns {@code void}), {@link Status} (returns {@code void}, no parameters) and {@link Rpc}
     * (see there for its return types). The arguments become the message's {@code parameters}: a
     * single {@code Map} argument as it is, otherwise a JSON object keyed by parameter name (compile
     * with {@code javac -parameters}); a {@link Route} parameter, anywhere, says where to send and is
     * not sent. Arguments must be JSON values (Map, List, String, Number, Boolean, null): records and
     * other objects are not converted. Default methods run as written; in a named module they need
     * the interface's package exported (or opened) to {@code io.postage}.
     *
     * {@snippet :
     * interface EchoApi {
     *     @Command("echo")
     *     void echo(String text);                     // {"parameters": {"text": ...}}
     *
     *     @Rpc("echo")
     *     String echoRpc(String text, Route route);   // the result's value; RemoteException on failure
     *
     *     @Status("online")
     *     void online();
     * }
     *
     * EchoApi echo = producer.api(EchoApi.class);
     * echo.echo("hello");
     * String answer = echo.echoRpc("hi", Route.key("echo-rpc"));
     * }
     *
     * @param apiInterface the interface, analysed once, here
     * @param <T> the interface
     * @return a thread-safe proxy that sends through this producer
     * @throws IllegalArgumentException if it is not an interface, or naming a method that does not fit
     */
    public <T> T api(Class<T> apiInterface) {
        return TypedApi.create(apiInterface, ApiTarget.of(this));
    }

    /**
     * @return the state of the connection: {@link ConnectionState#RECOVERING} while a lost connection is
     *     reopened (publishes wait for it, see {@link RecoveryPolicy}), {@link ConnectionState#CLOSED} once closed
     */
    public ConnectionState state() {
        return transport.state();
    }

    /**
     * Adds a listener of the connection's state changes.
     *
     * @param listener told each later change, on the transport's thread; it should return quickly
     */
    public void onStateChange(Consumer<ConnectionState> listener) {
        transport.onStateChange(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Refuses new RPC calls, waits up to the shutdown timeout (default 10 s) for those in flight to end, fails
     * the ones still waiting, then closes the connection; idempotent.
     */
    @Override
    public void close() {
        rpcClient.close(shutdownTimeout);
        transport.close();
    }

    @Override
    public String toString() {
        return "Producer[" + fingerprint.name() + ", eks=" + eks + "]";
    }

    private void publish(Supplier<Map<String, ?>> wire, byte[] body, Route route) {
        if (confirmation.isEmpty() && !persistent) {
            OutgoingMessage outgoing = new OutgoingMessage(body, MessageProperties.of(codec.contentType()));
            for (ExchangeKey pair : resolve(route)) {
                declare(pair.exchange());
                debug.publish(pair.exchange().name(), pair.key(), wire);
                transport.publish(pair.exchange().name(), pair.key(), outgoing);
            }
            return;
        }
        try {
            publishAsync(wire, body, route).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new PostageException("Publishing failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostageException("Interrupted while waiting for the broker to confirm a publish; it may or may"
                    + " not have been stored", e);
        }
    }

    private CompletableFuture<Void> publishAsync(Supplier<Map<String, ?>> wire, byte[] body, Route route) {
        List<ExchangeKey> pairs = resolve(route);
        MessageProperties properties = MessageProperties.of(codec.contentType());
        List<CompletableFuture<Void>> confirms = new ArrayList<>(pairs.size());
        for (ExchangeKey pair : pairs) {
            declare(pair.exchange());
            debug.publish(pair.exchange().name(), pair.key(), wire);
            OutgoingMessage outgoing = new OutgoingMessage(body,
                    properties.withPersistent(persistent && pair.exchange().durable()));
            confirms.add(confirmation.isEmpty() ? publishUnconfirmed(pair, outgoing) : publishConfirmed(pair, outgoing));
        }
        return confirms.size() == 1 ? confirms.get(0) : CompletableFuture.allOf(confirms.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> publishUnconfirmed(ExchangeKey pair, OutgoingMessage outgoing) {
        transport.publish(pair.exchange().name(), pair.key(), outgoing);
        return CompletableFuture.completedFuture(null);
    }

    private CompletableFuture<Void> publishConfirmed(ExchangeKey pair, OutgoingMessage outgoing) {
        String exchange = pair.exchange().name();
        return transport.publishConfirmed(exchange, pair.key(), outgoing, confirmation.orElseThrow())
                .orTimeout(confirmTimeout.toNanos(), TimeUnit.NANOSECONDS)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                        failure instanceof TimeoutException
                                ? new PublishException(exchange, pair.key(), PublishException.Reason.TIMED_OUT,
                                        "no confirm within " + confirmTimeout.toMillis() + " ms")
                                : failure));
    }

    private List<ExchangeKey> resolve(Route route) {
        List<ExchangeKey> pairs = route.resolve(eks);
        if (pairs.isEmpty()) {
            throw new IllegalStateException(this + " has no default exchange/key pairs: build it with eks(...) "
                    + "or pass Route.eks(...)");
        }
        return pairs;
    }

    private void declare(Exchange exchange) {
        if (!exchange.isDefault() && declaredExchanges.add(exchange.name())) {
            try {
                transport.declareExchange(exchange);
            } catch (RuntimeException e) {
                declaredExchanges.remove(exchange.name());
                throw e;
            }
        }
    }

    /** Builds a {@link Producer}; {@link #build()} connects. */
    public static final class Builder {
        private final Fingerprint fingerprint;
        private final List<ExchangeKey> eks = new ArrayList<>();
        private PostageConfig config;
        private Duration rpcTimeout = Duration.ofSeconds(30);
        private int maxRetry = 4;
        private Duration shutdownTimeout = Duration.ofSeconds(10);
        private RpcReplies rpcReplies = RpcReplies.PRIVATE;
        private DecodeLimits decodeLimits = DecodeLimits.DEFAULT;
        private boolean confirm;
        private boolean mandatory;
        private Duration confirmTimeout = Duration.ofSeconds(30);
        private Optional<Boolean> persistent = Optional.empty();

        private Builder(Fingerprint fingerprint) {
            this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        }

        /**
         * Adds a default exchange/key pair; the first one is where RPC calls and {@link Route#key(String)} go.
         *
         * @param exchange the exchange
         * @param key the routing key
         * @return this builder
         */
        public Builder eks(Exchange exchange, String key) {
            eks.add(new ExchangeKey(exchange, key));
            return this;
        }

        /**
         * @param config where to connect; the environment's configuration if not set
         * @return this builder
         */
        public Builder config(PostageConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * @param rpcTimeout how long each RPC attempt waits for its reply (default 30 s)
         * @return this builder
         */
        public Builder rpcTimeout(Duration rpcTimeout) {
            this.rpcTimeout = RpcOptions.defaults().withTimeout(rpcTimeout).timeout().orElseThrow();
            return this;
        }

        /**
         * @param maxRetry how many times a timed-out RPC call is sent again (default 4)
         * @return this builder
         */
        public Builder maxRetry(int maxRetry) {
            this.maxRetry = RpcOptions.defaults().withMaxRetry(maxRetry).maxRetry().orElseThrow();
            return this;
        }

        /**
         * @param shutdownTimeout how long {@link Producer#close()} waits for the RPC calls in flight (default 10 s)
         * @return this builder
         * @throws IllegalArgumentException if it is negative
         */
        public Builder shutdownTimeout(Duration shutdownTimeout) {
            if (shutdownTimeout.isNegative()) {
                throw new IllegalArgumentException("shutdownTimeout must not be negative, not " + shutdownTimeout);
            }
            this.shutdownTimeout = shutdownTimeout;
            return this;
        }

        /**
         * @param rpcReplies how replies are received (default {@link RpcReplies#PRIVATE}, which works with Postage 1.x)
         * @return this builder
         */
        public Builder rpcReplies(RpcReplies rpcReplies) {
            this.rpcReplies = Objects.requireNonNull(rpcReplies, "rpcReplies");
            return this;
        }

        /**
         * @param decodeLimits the largest and deepest reply accepted
         * @return this builder
         */
        public Builder decodeLimits(DecodeLimits decodeLimits) {
            this.decodeLimits = Objects.requireNonNull(decodeLimits, "decodeLimits");
            return this;
        }

        /**
         * Asks the broker to confirm each message ({@code false} by default): {@code message(...)},
         * {@code send(...)} and {@code forward(...)} return only once the broker has the message, and throw
         * a {@link PublishException} if it refused it, lost it, or did not confirm it within the
         * {@link #confirmTimeout(Duration) confirm timeout}; the {@code ...Async} forms pipeline many
         * publishes. Messages to durable exchanges become persistent too, unless
         * {@link #persistent(boolean)} says otherwise. RPC calls and replies are not confirmed.
         *
         * @param confirm whether publishes wait for the broker's confirm
         * @return this builder
         */
        public Builder confirm(boolean confirm) {
            this.confirm = confirm;
            return this;
        }

        /**
         * Makes a message that no queue takes an error ({@code false} by default): a
         * {@link PublishException} of reason {@code UNROUTABLE} naming the exchange and routing key,
         * instead of the broker silently dropping it. Knowing that no return came needs the broker's
         * confirm, so a mandatory producer also confirms. Not every broker and protocol can tell; building
         * works everywhere, but publishing throws {@link UnsupportedFeatureException} where it cannot
         * (see docs/BROKERS.md).
         *
         * @param mandatory whether unroutable messages fail
         * @return this builder
         */
        public Builder mandatory(boolean mandatory) {
            this.mandatory = mandatory;
            return this;
        }

        /**
         * @param confirmTimeout how long a confirmed publish waits for the broker (default 30 s)
         * @return this builder
         * @throws IllegalArgumentException if it is not positive
         */
        public Builder confirmTimeout(Duration confirmTimeout) {
            if (confirmTimeout.isNegative() || confirmTimeout.isZero()) {
                throw new IllegalArgumentException("confirmTimeout must be positive, not " + confirmTimeout);
            }
            this.confirmTimeout = confirmTimeout;
            return this;
        }

        /**
         * Whether messages to durable exchanges ask the broker to store them on disk (delivery mode 2),
         * so that they survive a broker restart in durable queues. Messages to non-durable exchanges are
         * never persistent. By default persistent exactly when the producer confirms (or is mandatory):
         * persistence without confirms still loses what the broker never got.
         *
         * @param persistent whether messages to durable exchanges are persistent
         * @return this builder
         */
        public Builder persistent(boolean persistent) {
            this.persistent = Optional.of(persistent);
            return this;
        }

        /**
         * Connects and declares the default exchanges.
         *
         * @return the producer
         * @throws ConnectionException if the broker cannot be reached
         */
        public Producer build() {
            if (config == null) {
                config = PostageConfig.fromEnvironment();
            }
            return new Producer(this);
        }
    }
}
