package io.postage.codec.json.internal;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * The bytes of a body being written: an output that grows by adding segments instead of copying into ever
 * larger arrays, each new one sized for what the write needs or half of what came before, whichever is
 * more: a large body costs about 1.5 x its size in segments plus the one copy of {@link #toByteArray()},
 * where a {@code ByteArrayOutputStream} doubling from 256 B cost 4 x in arrays plus the copy. Not
 * thread-safe: one per body.
 */
final class SegmentedBytes extends OutputStream {
    /** The first segment: a small command fits. */
    static final int FIRST_SEGMENT = 256;
    private static final byte[][] NONE = {};

    /** The segments before {@link #current}, all full: none until a body outgrows the first. */
    private byte[][] full = NONE;
    private int fullCount;
    private byte[] current = new byte[FIRST_SEGMENT];
    private int used;
    private int fullLength;

    @Override
    public void write(int b) {
        if (used == current.length) {
            nextSegment(1);
        }
        current[used++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + " of " + bytes.length);
        }
        int room = current.length - used;
        if (length > room) {
            System.arraycopy(bytes, offset, current, used, room);
            used += room;
            offset += room;
            length -= room;
            nextSegment(length);
        }
        System.arraycopy(bytes, offset, current, used, length);
        used += length;
    }

    private void nextSegment(int needed) {
        if (fullCount == full.length) {
            full = Arrays.copyOf(full, Math.max(4, 2 * fullCount));
        }
        full[fullCount++] = current;
        fullLength = Math.addExact(fullLength, current.length);
        current = new byte[Math.max(needed, fullLength / 2)];
        used = 0;
    }

    /** @return the bytes written, in an array of their length */
    byte[] toByteArray() {
        byte[] bytes = new byte[Math.addExact(fullLength, used)];
        int position = 0;
        for (int i = 0; i < fullCount; i++) {
            byte[] segment = full[i];
            System.arraycopy(segment, 0, bytes, position, segment.length);
            position += segment.length;
        }
        System.arraycopy(current, 0, bytes, position, used);
        return bytes;
    }
}
