package io.postage;

import java.io.Serial;
import java.util.Objects;
import java.util.Optional;

/**
 * An RPC call of a typed API ({@link Producer#api(Class)}) was answered with an error or an
 * exception result: the remote side failed, and says how.
 *
 * {@snippet :
 * try {
 *     String answer = echoApi.echo("hi");
 * } catch (RemoteException e) {
 *     log(e.resultType() + " " + e.exceptionName().orElse("-") + ": " + e.remoteMessage());
 * }
 * }
 */
public final class RemoteException extends PostageException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String call;
    private final ResultType resultType;
    private final String exceptionName;
    private final String remoteMessage;

    /**
     * @param call the name of the remote command that was called
     * @param result the error or exception result it answered with
     * @throws IllegalArgumentException if the result is not a failed result
     */
    public RemoteException(String call, Message result) {
        super(describe(Objects.requireNonNull(call, "call"), result));
        this.call = call;
        this.resultType = result.resultType().orElseThrow();
        this.exceptionName = resultType == ResultType.EXCEPTION ? String.valueOf(result.content().get("value")) : null;
        this.remoteMessage = String.valueOf(result.content().get("message"));
    }

    private static String describe(String call, Message result) {
        if (result.isSuccess()) {
            throw new IllegalArgumentException("A RemoteException needs an error or exception result, not " + result);
        }
        Object message = result.content().get("message");
        return switch (result.resultType().orElseThrow()) {
            case ERROR -> "RPC " + call + " failed with an error: " + message;
            default -> "RPC " + call + " failed with exception " + result.content().get("value") + ": " + message;
        };
    }

    /** @return the name of the remote command that was called */
    public String call() {
        return call;
    }

    /** @return {@link ResultType#ERROR} or {@link ResultType#EXCEPTION} */
    public ResultType resultType() {
        return resultType;
    }

    /** @return the remote exception's name, such as {@code ValueError}, for an exception result */
    public Optional<String> exceptionName() {
        return Optional.ofNullable(exceptionName);
    }

    /** @return the result's {@code message}: what the remote side said went wrong */
    public String remoteMessage() {
        return remoteMessage;
    }
}
