package io.postage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixedOrderMapTest {
    private static final List<String> KEYS = List.of("b", "a", "c");

    @Test
    void iteratesInKeyOrderAndEqualsAnyMapWithTheSameEntries() {
        Map<String, Object> map = new FixedOrderMap<>(KEYS, 1, null, "three");
        Map<String, Object> same = new LinkedHashMap<>();
        same.put("a", null);
        same.put("c", "three");
        same.put("b", 1);

        assertThat(List.copyOf(map.keySet())).containsExactly("b", "a", "c");
        assertThat(map).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(same).isEqualTo(map);
        assertThat(map.get("c")).isEqualTo("three");
        assertThat(map.containsKey("a")).isTrue();
        assertThat(map.get("z")).isNull();
        assertThat(map.containsKey("z")).isFalse();
    }

    @Test
    void cannotBeChanged() {
        Map<String, Object> map = new FixedOrderMap<>(KEYS, 1, 2, 3);

        assertThatThrownBy(() -> map.put("a", 9)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().iterator().next().setValue(9))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.keySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesAsManyValuesAsKeysOnly() {
        assertThatThrownBy(() -> new FixedOrderMap<>(KEYS, 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("3 keys but 2 values");
    }
}
