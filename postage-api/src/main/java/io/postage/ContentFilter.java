package io.postage;

/**
 * Transforms or vets what a handler receives, before it runs; named by {@link MessageFilter}.
 * Implementations need a public no-argument constructor.
 */
@FunctionalInterface
public interface ContentFilter {

    /**
     * @param content the message content (or the whole wire map, for a full-body handler)
     * @return what the handler receives instead: the content, or a changed copy
     * @throws FilterError to skip the handler for this message
     */
    Object filter(Object content);
}
