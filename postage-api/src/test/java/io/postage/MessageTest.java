package io.postage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.postage.DecodeException.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTest {

    private static final Fingerprint SENDER = new Fingerprint("echo_send", "application", "4242", "h1", "bob", "/");

    @Test
    void commandHasTheWireShapeOfPostage1() {
        Map<String, Object> wire = Message.command("echo", Map.of("text", "hi")).withFingerprint(SENDER).toWire();

        assertThat(wire).containsExactly(
                Map.entry("type", "command"),
                Map.entry("name", "echo"),
                Map.entry("category", "message"),
                Map.entry("version", "2"),
                Map.entry("fingerprint", SENDER.asMap()),
                Map.entry("content", Map.of("parameters", Map.of("text", "hi"))),
                Map.entry("_reserved", Map.of()));
    }

    @Test
    void unstampedMessageWritesAnEmptyFingerprintLikePostage1() {
        assertThat(Message.status("online").toWire()).containsEntry("fingerprint", Map.of());
        assertThat(Message.status("online").fingerprint()).isEmpty();
    }

    @Test
    void rpcCommandHasCategoryRpc() {
        Message rpc = Message.rpcCommand("echo", List.of(1, 2));

        assertThat(rpc.category()).isEqualTo(Category.RPC);
        assertThat(rpc.content()).isEqualTo(Map.of("parameters", List.of(1, 2)));
    }

    @Test
    void statusCarriesItsStatusAsNameAndAnEmptyContent() {
        Message status = Message.status("online");

        assertThat(status.type()).isEqualTo("status");
        assertThat(status.name()).isEqualTo("online");
        assertThat(status.content()).isEmpty();
    }

    @Test
    void resultsAreNamedNoneAndCarryTypeValueAndMessageInOrder() {
        Message result = Message.result(42, "the answer");

        assertThat(result.type()).isEqualTo("result");
        assertThat(result.name()).isEqualTo("none");
        assertThat(result.category()).isEqualTo(Category.MESSAGE);
        assertThat(result.content()).containsExactly(
                Map.entry("type", "success"), Map.entry("value", 42), Map.entry("message", "the answer"));
    }

    @Test
    void errorAndExceptionResultsAreFalsyLikeInPostage1() {
        assertThat(Message.result("x").isSuccess()).isTrue();
        assertThat(Message.command("x").isSuccess()).isTrue();
        assertThat(Message.error("no such user").isSuccess()).isFalse();
        assertThat(Message.exception("TimeoutError", "").isSuccess()).isFalse();
    }

    @Test
    void errorResultHasANullValue() {
        assertThat(Message.error("no such user").content())
                .containsEntry("type", "error").containsEntry("value", null).containsEntry("message", "no such user");
    }

    @Test
    void exceptionResultFromAJavaExceptionNamesItsSimpleClassName() {
        Message result = Message.exception(new IllegalStateException("broken"));

        assertThat(result.resultType()).contains(ResultType.EXCEPTION);
        assertThat(result.content()).containsEntry("value", "IllegalStateException").containsEntry("message", "broken");
    }

    @Test
    void genericMessageWritesOnlyTheNonEmptyArgsAndKwds() {
        assertThat(Message.generic(List.of(1, "a"), Map.of()).content()).containsOnlyKeys("args");
        assertThat(Message.generic(List.of(), Map.of("k", true)).content()).containsOnlyKeys("kwds");
        assertThat(Message.generic(List.of(), Map.of()).content()).isEmpty();
        assertThat(Message.generic(List.of(1), Map.of()).type()).isEqualTo("none");
    }

    @Test
    void contentIsADeeplyImmutableCopy() {
        List<Object> items = new ArrayList<>(List.of(1, 2));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("items", items);
        Message message = Message.command("store", parameters);
        items.add(3);

        @SuppressWarnings("unchecked")
        Map<String, Object> stored = (Map<String, Object>) message.content().get("parameters");
        assertThat(stored.get("items")).isEqualTo(List.of(1, 2));
        assertThatThrownBy(() -> stored.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) stored.get("items")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void contentRejectsValuesThatAreNotJsonNamingWhereTheyAre() {
        assertThatThrownBy(() -> Message.command("x", Map.of("when", new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("content.parameters.when");
        assertThatThrownBy(() -> Message.command("x", List.of(Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("content.parameters[0]");
    }

    @Test
    void wireFormRoundTripsThroughFromWire() {
        Message original = Message.exception("KeyError", "'x'").withFingerprint(SENDER);

        assertThat(Message.fromWire(original.toWire())).isEqualTo(original);
    }

    @Test
    void fromWireReadsAnIntegerPidAsWrittenByOldPythonSenders() {
        Map<String, Object> wire = new LinkedHashMap<>(Message.command("x").toWire());
        Map<String, Object> fingerprint = new LinkedHashMap<>(SENDER.asMap());
        fingerprint.put("pid", 4242);
        wire.put("fingerprint", fingerprint);

        assertThat(Message.fromWire(wire).fingerprint()).contains(SENDER);
    }

    @Test
    void fromWireIgnoresUnknownKeys() {
        Map<String, Object> wire = new LinkedHashMap<>(Message.command("x").toWire());
        wire.put("trace", "abc");

        assertThat(Message.fromWire(wire)).isEqualTo(Message.command("x"));
    }

    @Test
    void fromWireNamesEachMissingKey() {
        for (String key : List.of("type", "name", "category", "version", "fingerprint", "content", "_reserved")) {
            Map<String, Object> wire = new LinkedHashMap<>(Message.command("x").toWire());
            wire.remove(key);

            assertThatThrownBy(() -> Message.fromWire(wire))
                    .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_KEY))
                    .hasMessageContaining("\"" + key + "\"");
        }
    }

    @Test
    void fromWireNamesAKeyOfTheWrongType() {
        Map<String, Object> wire = new LinkedHashMap<>(Message.command("x").toWire());
        wire.put("fingerprint", List.of("a"));

        assertThatThrownBy(() -> Message.fromWire(wire))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_TYPE))
                .hasMessage("Key \"fingerprint\" must be an object but is an array");
    }

    @Test
    void fromWireNamesAFingerprintValueOfTheWrongType() {
        Map<String, Object> wire = new LinkedHashMap<>(Message.command("x").toWire());
        Map<String, Object> fingerprint = new LinkedHashMap<>(SENDER.asMap());
        fingerprint.put("host", List.of());
        wire.put("fingerprint", fingerprint);

        assertThatThrownBy(() -> Message.fromWire(wire))
                .isInstanceOf(DecodeException.class)
                .hasMessage("Key \"fingerprint.host\" must be a string but is an array");
    }

    @Test
    void fromWireRejectsAnUnknownCategory() {
        Map<String, Object> wire = new LinkedHashMap<>(Message.command("x").toWire());
        wire.put("category", "broadcast");

        assertThatThrownBy(() -> Message.fromWire(wire))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_CATEGORY))
                .hasMessageContaining("\"broadcast\"");
    }

    @Test
    void fromWireRejectsAResultWithAnUnknownResultType() {
        Map<String, Object> wire = new LinkedHashMap<>(Message.result(1).toWire());
        wire.put("content", Map.of("type", "maybe", "value", 1, "message", ""));

        assertThatThrownBy(() -> Message.fromWire(wire))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.BAD_RESULT_TYPE))
                .hasMessageContaining("\"maybe\"");
    }

    @Test
    void fromWireRejectsAResultWithoutItsMessage() {
        Map<String, Object> wire = new LinkedHashMap<>(Message.result(1).toWire());
        wire.put("content", Map.of("type", "success", "value", 1));

        assertThatThrownBy(() -> Message.fromWire(wire))
                .isInstanceOfSatisfying(DecodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_KEY))
                .hasMessageContaining("\"content.message\"");
    }
}
