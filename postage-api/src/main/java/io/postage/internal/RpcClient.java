package io.postage.internal;

import io.postage.DecodeException;
import io.postage.Message;
import io.postage.MessageCodec;
import io.postage.RpcTimeoutException;
import io.postage.TransportException;
import io.postage.spi.Delivery;
import io.postage.spi.MessageProperties;
import io.postage.spi.OutgoingMessage;
import io.postage.spi.ReplyChannel;
import io.postage.spi.Transport;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes RPC calls for a producer: sends each attempt with a fresh correlation id, matches the reply,
 * re-sends on timeout up to the retry count, and ends with a {@code TimeoutError} exception result
 * (or {@link RpcTimeoutException}). A reply is delivered to its own call or dropped and logged,
 * never handed to another call:
 * <ul>
 * <li>{@link ReplyChannel.Kind#SHARED}: one reply address for all calls, replies matched by
 *     correlation id; a reply without one, or for a call that timed out, is dropped.</li>
 * <li>{@link ReplyChannel.Kind#PRIVATE}: a pool of private reply queues, each leased to one attempt
 *     at a time; a queue whose attempt timed out is deleted rather than returned to the pool, so a
 *     late reply dies with it. Replies need no correlation id (Postage 1.x servers send none).</li>
 * </ul>
 */
public final class RpcClient implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RpcClient.class.getName());
    private static final int MAX_IDLE_LEASES = 64;

    private final Transport transport;
    private final MessageCodec codec;
    private final ReplyChannel.Kind kind;
    private final ScheduledExecutorService timer;
    /** Correlation ids: unique per client (a random prefix) and cheap per call (a counter, no SecureRandom). */
    private final String correlationPrefix = UUID.randomUUID() + "-";
    private final AtomicLong correlationCounter = new AtomicLong();
    private final Map<String, Attempt> sharedPending = new ConcurrentHashMap<>();
    private final ConcurrentLinkedDeque<Lease> idleLeases = new ConcurrentLinkedDeque<>();
    private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
    private ReplyChannel shared;
    /** No new calls; the calls in flight may still retry until {@link #closed}. */
    private volatile boolean closing;
    private volatile boolean closed;

    /**
     * @param transport the producer's transport
     * @param codec the producer's codec
     * @param kind how replies are received
     */
    public RpcClient(Transport transport, MessageCodec codec, ReplyChannel.Kind kind) {
        this.transport = transport;
        this.codec = codec;
        this.kind = kind;
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("postage-rpc-timer").factory());
        timer.setRemoveOnCancelPolicy(true); // an answered call must not keep its request until its timeout
        this.timer = timer;
    }

    /** One RPC call: what to send, and how long and how often to try. */
    private record Call(String exchange, String key, String name, byte[] body, Duration timeout, int maxRetry,
            boolean throwOnTimeout, CompletableFuture<Message> result, int[] attempts) {
    }

    /** One sending of a call, with its own correlation id and, for private replies, its own queue. */
    private static final class Attempt {
        final Call call;
        final String correlationId;
        Lease lease;
        ScheduledFuture<?> timeoutTask;

        Attempt(Call call, String correlationId) {
            this.call = call;
            this.correlationId = correlationId;
        }
    }

    /** A private reply queue, serving one attempt at a time. */
    private final class Lease {
        final AtomicReference<Attempt> current = new AtomicReference<>();
        final ReplyChannel channel;

        Lease() {
            channel = transport.openReplyChannel(ReplyChannel.Kind.PRIVATE, this::onReply);
        }

        private void onReply(Delivery delivery) {
            Attempt attempt = current.get();
            Optional<String> correlationId = delivery.properties().correlationId();
            if (attempt == null || correlationId.isPresent() && !correlationId.get().equals(attempt.correlationId)) {
                LOG.log(Level.INFO, "Dropped an RPC reply on {0} that no waiting call expects (it came too late)",
                        channel.replyTo());
                return;
            }
            complete(attempt, delivery);
        }
    }

    /**
     * Sends an RPC call.
     *
     * @param exchange the exchange
     * @param key the routing key
     * @param request the stamped RPC request
     * @param timeout how long each attempt waits
     * @param maxRetry how many times a timed-out call is sent again
     * @param throwOnTimeout whether the final timeout fails the future with {@link RpcTimeoutException}
     *     instead of completing it with a {@code TimeoutError} exception result
     * @return the reply, a result message
     */
    public CompletableFuture<Message> call(String exchange, String key, Message request, Duration timeout, int maxRetry,
            boolean throwOnTimeout) {
        if (closing) {
            throw new TransportException("The producer is closed: cannot call " + request.name());
        }
        Call call = new Call(exchange, key, request.name(), codec.encode(request), timeout, maxRetry, throwOnTimeout,
                new CompletableFuture<>(), new int[1]);
        inFlight.add(call);
        call.result.whenComplete((reply, failure) -> inFlight.remove(call));
        send(call);
        return call.result;
    }

    private void send(Call call) {
        call.attempts[0]++;
        Attempt attempt = new Attempt(call, correlationPrefix + correlationCounter.incrementAndGet());
        ReplyChannel channel;
        try {
            if (kind == ReplyChannel.Kind.SHARED) {
                channel = sharedChannel();
                sharedPending.put(attempt.correlationId, attempt);
            } else {
                attempt.lease = lease();
                attempt.lease.current.set(attempt);
                channel = attempt.lease.channel;
            }
            attempt.timeoutTask = timer.schedule(() -> timedOut(attempt), call.timeout.toNanos(), TimeUnit.NANOSECONDS);
            MessageProperties properties = MessageProperties.of(codec.contentType())
                    .withReplyTo(channel.replyTo())
                    .withCorrelationId(attempt.correlationId);
            channel.publish(call.exchange, call.key, new OutgoingMessage(call.body, properties));
        } catch (RuntimeException e) {
            if (attempt.lease == null || claim(attempt)) {
                sharedPending.remove(attempt.correlationId);
                cancelTimeout(attempt);
                discard(attempt.lease);
                if (call.attempts[0] > 1) {
                    // A retry after a timeout (the connection may be recovering): the call ends as timed out.
                    giveUp(call, "; sending it again failed: " + e.getMessage());
                } else {
                    call.result.completeExceptionally(e);
                }
            }
        }
    }

    private synchronized ReplyChannel sharedChannel() {
        if (shared == null) {
            shared = transport.openReplyChannel(ReplyChannel.Kind.SHARED, this::onSharedReply);
        }
        return shared;
    }

    private Lease lease() {
        Lease lease = idleLeases.pollFirst();
        return lease != null ? lease : new Lease();
    }

    private void onSharedReply(Delivery delivery) {
        Optional<String> correlationId = delivery.properties().correlationId();
        if (correlationId.isEmpty()) {
            LOG.log(Level.WARNING, "Dropped an RPC reply without a correlation id on the shared reply address: "
                    + "the server does not echo it (Postage 1.x does not); use RpcReplies.PRIVATE for it");
            return;
        }
        Attempt attempt = sharedPending.get(correlationId.get());
        if (attempt == null) {
            LOG.log(Level.INFO, "Dropped an RPC reply that no waiting call expects (correlation id {0}): it came too late",
                    correlationId.get());
            return;
        }
        complete(attempt, delivery);
    }

    private void complete(Attempt attempt, Delivery delivery) {
        if (!claim(attempt)) {
            return;
        }
        cancelTimeout(attempt);
        if (attempt.lease != null) {
            release(attempt.lease);
        }
        attempt.call.result.complete(readReply(codec, delivery.body()));
    }

    /** @return whether this thread took the attempt (its reply and its timeout race for it) */
    private boolean claim(Attempt attempt) {
        return attempt.lease == null
                ? sharedPending.remove(attempt.correlationId, attempt)
                : attempt.lease.current.compareAndSet(attempt, null);
    }

    private void timedOut(Attempt attempt) {
        if (!claim(attempt)) {
            return;
        }
        discard(attempt.lease);
        Call call = attempt.call;
        if (call.attempts[0] <= call.maxRetry && !closed) {
            LOG.log(Level.DEBUG, () -> "RPC " + call.name + " timed out; sending it again");
            send(call);
            return;
        }
        giveUp(call, "");
    }

    /** Ends a call that got no reply: with a {@code TimeoutError} result, or failed if it should throw. */
    private void giveUp(Call call, String why) {
        String text = "No reply to " + call.name + " on (" + call.exchange + ", " + call.key + ") within "
                + call.timeout.toMillis() + " ms, after " + call.attempts[0] + " attempts" + why;
        if (call.throwOnTimeout) {
            call.result.completeExceptionally(new RpcTimeoutException(text));
        } else {
            call.result.complete(Message.exception("TimeoutError", text));
        }
    }

    private static void cancelTimeout(Attempt attempt) {
        if (attempt.timeoutTask != null) {
            attempt.timeoutTask.cancel(false);
        }
    }

    private void release(Lease lease) {
        if (closed || idleLeases.size() >= MAX_IDLE_LEASES) {
            lease.channel.close();
        } else {
            idleLeases.offerFirst(lease);
        }
    }

    private static void discard(Lease lease) {
        if (lease != null) {
            lease.channel.close();
        }
    }

    /**
     * Reads an RPC reply as Postage 1.x does: a result message, or an error result saying why not.
     *
     * @param codec the codec
     * @param body the reply's body
     * @return the result message
     */
    public static Message readReply(MessageCodec codec, byte[] body) {
        try {
            Message reply = codec.decode(body);
            if (reply.resultType().isPresent()) {
                return reply;
            }
            return Message.error("Malformed reply: expected a result, got a " + reply.type() + " message named "
                    + reply.name());
        } catch (DecodeException e) {
            return Message.error("Malformed reply: " + e.getMessage());
        }
    }

    /**
     * Refuses new calls, waits up to {@code timeout} for the calls in flight to end (with their reply, or
     * their timeout result), then {@link #close()}s. An interrupt ends the wait early and stays set.
     *
     * @param timeout how long to wait for the calls in flight
     */
    public void close(Duration timeout) {
        closing = true;
        CompletableFuture<?>[] waiting = inFlight.stream().map(Call::result).toArray(CompletableFuture<?>[]::new);
        try {
            CompletableFuture.allOf(waiting).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            // a call failed: it ended, and its caller sees why
        } catch (TimeoutException e) {
            LOG.log(Level.WARNING, "Closing with {0} RPC calls still waiting for their reply after {1} ms; they fail",
                    inFlight.size(), timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    /** Stops the timer, closes every reply address and fails the calls still waiting. */
    @Override
    public void close() {
        closing = true;
        closed = true;
        timer.shutdownNow();
        synchronized (this) {
            if (shared != null) {
                shared.close();
            }
        }
        for (Lease lease = idleLeases.poll(); lease != null; lease = idleLeases.poll()) {
            lease.channel.close();
        }
        for (Call call : inFlight) {
            call.result.completeExceptionally(new TransportException(
                    "The producer was closed before the reply to " + call.name + " arrived"));
        }
    }
}
