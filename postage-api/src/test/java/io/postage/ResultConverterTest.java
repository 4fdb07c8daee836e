package io.postage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultConverterTest {

    interface Types {
        Map<String, Object> map();

        Map<String, ?> wildcardMap();

        List<Object> list();

        List<?> wildcardList();

        List<String> strings();
    }

    private static Object convert(Type type, Object value) {
        return ResultConverter.of(type, "call", "Api.method").convert(Message.result(value));
    }

    private static Type returnTypeOf(String method) throws NoSuchMethodException {
        return Types.class.getMethod(method).getGenericReturnType();
    }

    @Test
    void integralNumbersAreConvertedBetweenIntAndLongWhenTheyFit() {
        assertThat(convert(int.class, 7L)).isEqualTo(7);
        assertThat(convert(Integer.class, BigInteger.valueOf(-7))).isEqualTo(-7);
        assertThat(convert(long.class, 7)).isEqualTo(7L);
        assertThat(convert(Long.class, BigInteger.valueOf(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void integralNumbersOutOfRangeAreRefused() {
        assertThatThrownBy(() -> convert(int.class, 3_000_000_000L))
                .isInstanceOfSatisfying(DecodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(DecodeException.Reason.WRONG_TYPE))
                .hasMessage("RPC call returned 3000000000 (Long), which Api.method cannot return as int");
        assertThatThrownBy(() -> convert(long.class, BigInteger.TWO.pow(64)))
                .isInstanceOf(DecodeException.class);
    }

    @Test
    void fractionalNumbersAreNotIntegral() {
        assertThatThrownBy(() -> convert(int.class, 1.5)).isInstanceOf(DecodeException.class);
    }

    @Test
    void anyNumberConvertsToDouble() {
        assertThat(convert(double.class, 2)).isEqualTo(2.0);
        assertThat(convert(Double.class, 2.5)).isEqualTo(2.5);
    }

    @Test
    void stringsBooleansAndJsonContainersAreReturnedAsTheyAre() throws NoSuchMethodException {
        Map<String, Object> map = Map.of("a", 1);
        List<Object> list = List.of(1, "two");

        assertThat(convert(String.class, "hi")).isEqualTo("hi");
        assertThat(convert(boolean.class, true)).isEqualTo(true);
        assertThat(convert(returnTypeOf("map"), map)).isEqualTo(map);
        assertThat(convert(returnTypeOf("wildcardMap"), map)).isEqualTo(map);
        assertThat(convert(returnTypeOf("list"), list)).isEqualTo(list);
        assertThat(convert(returnTypeOf("wildcardList"), list)).isEqualTo(list);
        assertThat(convert(Object.class, list)).isEqualTo(list);
    }

    @Test
    void aValueOfAnotherJsonTypeIsRefused() {
        assertThatThrownBy(() -> convert(String.class, 42))
                .isInstanceOf(DecodeException.class)
                .hasMessage("RPC call returned 42 (Integer), which Api.method cannot return as java.lang.String");
        assertThatThrownBy(() -> convert(boolean.class, "true")).isInstanceOf(DecodeException.class);
    }

    @Test
    void nullConvertsToABoxButNotToAPrimitive() {
        assertThat(convert(Integer.class, null)).isNull();
        assertThat(convert(String.class, null)).isNull();
        assertThatThrownBy(() -> convert(int.class, null))
                .isInstanceOf(DecodeException.class)
                .hasMessage("RPC call returned null, which Api.method cannot return as int");
    }

    @Test
    void voidIgnoresTheValue() {
        assertThat(convert(void.class, "ignored")).isNull();
    }

    @Test
    void containersWhoseElementsWouldNeedConvertingAreRefused() throws NoSuchMethodException {
        assertThatThrownBy(() -> ResultConverter.of(returnTypeOf("strings"), "call", "Api.strings"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Api.strings returns java.util.List<java.lang.String>;");
    }

    @Test
    void failedResultsThrowRemoteException() {
        ResultConverter converter = ResultConverter.of(String.class, "call", "Api.method");

        assertThatThrownBy(() -> converter.convert(Message.exception("TimeoutError", "too slow")))
                .isInstanceOf(RemoteException.class)
                .hasMessage("RPC call failed with exception TimeoutError: too slow");
    }
}
