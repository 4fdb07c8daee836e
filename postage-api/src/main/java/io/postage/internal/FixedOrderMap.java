package io.postage.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable map of a few fixed keys, in their order, over an array of values: what an envelope or a
 * fingerprint is on the wire, without a {@code LinkedHashMap} and its entries per message. Lookups scan
 * the keys, which is faster than hashing for so few.
 *
 * @param <V> the type of the values
 */
public final class FixedOrderMap<V> extends AbstractMap<String, V> {
    private final List<String> keys;
    private final Object[] values;

    /**
     * @param keys the keys, in order, without duplicates; shared, not copied
     * @param values one value per key, in the same order; may hold nulls; not copied, so the caller must
     *     not change the array afterwards
     * @throws IllegalArgumentException if there are not as many values as keys
     */
    public FixedOrderMap(List<String> keys, Object... values) {
        if (keys.size() != values.length) {
            throw new IllegalArgumentException(keys.size() + " keys but " + values.length + " values");
        }
        this.keys = keys;
        this.values = values;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return keys.indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int index = keys.indexOf(key);
        return index < 0 ? null : (V) values[index];
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super String, ? super V> action) {
        for (int i = 0; i < values.length; i++) {
            action.accept(keys.get(i), (V) values[i]);
        }
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return values.length;
            }

            @Override
            public Iterator<Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<String, V> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, V> entry = new SimpleImmutableEntry<>(keys.get(next), (V) values[next]);
                        next++;
                        return entry;
                    }
                };
            }
        };
    }
}
