package io.postage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class DeclarationOrderTest {

    @SuppressWarnings("unused")
    static class Declared {
        static final long BIG = 1L << 40; // a long constant takes two constant-pool entries
        static final double PI = 3.14;

        void zulu() {
        }

        void alpha(String text) {
        }

        void mike() {
        }

        void alpha(int number) {
        }

        String bravo() {
            return "b" + BIG + PI;
        }
    }

    @Test
    void methodsComeInTheOrderTheSourceDeclaresThem() {
        assertThat(DeclarationOrder.methodsOf(Declared.class).stream().map(DeclarationOrderTest::describe))
                .containsExactly("zulu()", "alpha(String)", "mike()", "alpha(int)", "bravo()");
    }

    private static String describe(Method method) {
        return method.getName() + "(" + (method.getParameterCount() == 0 ? "" : method.getParameterTypes()[0].getSimpleName()) + ")";
    }
}
