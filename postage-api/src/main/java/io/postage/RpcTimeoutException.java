package io.postage;

import java.io.Serial;

/**
 * An RPC call got no reply within its timeout, after every retry. Thrown only when the call asked for it ({@link RpcOptions#throwOnTimeout()}); by default the call returns an exception result carrying {@code TimeoutError}, as Postage 1.x does.
 */
public final class RpcTimeoutException extends PostageException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message why */
    public RpcTimeoutException(String message) {
        super(message);
    }
}
