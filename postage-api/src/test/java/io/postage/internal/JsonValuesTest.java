package io.postage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

    @Test
    void numbersAreNormalisedSoEveryCodecWritesThemAlike() {
        assertThat(JsonValues.freeze((byte) 1, "x")).isEqualTo(1);
        assertThat(JsonValues.freeze((short) 2, "x")).isEqualTo(2);
        assertThat(JsonValues.freeze(3L, "x")).isEqualTo(3L);
        assertThat(JsonValues.freeze(0.1f, "x")).isEqualTo(0.1d);
        assertThat(JsonValues.freeze(BigInteger.TEN, "x")).isEqualTo(BigInteger.TEN);
        assertThat(JsonValues.freeze(new BigDecimal("1.50"), "x")).isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void unsupportedNumbersAndNonFiniteDoublesAreRefused() {
        assertThatThrownBy(() -> JsonValues.freeze(new java.util.concurrent.atomic.AtomicInteger(), "x.y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("x.y: ");
        assertThatThrownBy(() -> JsonValues.freeze(Double.POSITIVE_INFINITY, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be written as JSON");
    }

    @Test
    void objectKeysMustBeStrings() {
        Map<Object, Object> map = new HashMap<>();
        map.put(1, "one");

        assertThatThrownBy(() -> JsonValues.freeze(map, "content"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("content: JSON object keys must be strings, found java.lang.Integer");
    }

    @Test
    void nullValuesAreKeptInObjectsAndArrays() {
        Map<String, Object> map = new HashMap<>();
        map.put("k", null);

        assertThat(JsonValues.freeze(map, "x")).isEqualTo(map);
        assertThat(JsonValues.freeze(java.util.Arrays.asList(1, null), "x")).isEqualTo(java.util.Arrays.asList(1, null));
        assertThat(JsonValues.freeze(List.of(), "x")).isEqualTo(List.of());
    }

    @Test
    void errorsNameThePathDownToTheRefusedValue() {
        Map<String, Object> map = Map.of("items", List.of(1, Map.of("price", Double.NaN)));

        assertThatThrownBy(() -> JsonValues.freezeObject(map, "content"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("content.items[1].price: NaN cannot be written as JSON");
    }

    @Test
    void anOwnedTreeIsFrozenInPlaceNotCopied() {
        List<Object> items = new ArrayList<>(List.of(1, "two"));
        Map<String, Object> inner = new LinkedHashMap<>(Map.of("items", items));
        Map<String, Object> owned = new LinkedHashMap<>();
        owned.put("inner", inner);
        owned.put("small", (short) 3);

        Map<String, Object> frozen = JsonValues.freezeOwnedObject(owned, "content");

        assertThat(frozen).isEqualTo(Map.of("inner", Map.of("items", List.of(1, "two")), "small", 3));
        assertThat(owned.get("inner")).as("the nested map, wrapped where it was").isSameAs(frozen.get("inner"));
        assertThatThrownBy(() -> frozen.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> frozenInner = (Map<String, Object>) frozen.get("inner");
        assertThatThrownBy(() -> frozenInner.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) frozenInner.get("items")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anOwnedTreeIsRefusedWithTheSameMessageAsACopiedOne() {
        Map<String, Object> owned = new LinkedHashMap<>();
        owned.put("items", new ArrayList<>(List.of(1, new LinkedHashMap<>(Map.of("when", new Object())))));

        assertThatThrownBy(() -> JsonValues.freezeOwnedObject(owned, "content"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("content.items[1].when: java.lang.Object is not a JSON value");
    }
}
