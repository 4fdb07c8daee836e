package io.postage.spi;

/**
 * Bounds on what a decoder accepts, so that a hostile body cannot exhaust memory or the stack.
 *
 * @param maxBodyBytes the largest body accepted, in bytes
 * @param maxDepth the deepest nesting of JSON objects and arrays accepted (the envelope itself is depth 1)
 */
public record DecodeLimits(int maxBodyBytes, int maxDepth) {

    /** 16 MiB and 128 levels. */
    public static final DecodeLimits DEFAULT = new DecodeLimits(16 * 1024 * 1024, 128);

    /** Checks that both limits are positive. */
    public DecodeLimits {
        if (maxBodyBytes < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("Decode limits must be positive: maxBodyBytes=" + maxBodyBytes
                    + ", maxDepth=" + maxDepth);
        }
    }
}
