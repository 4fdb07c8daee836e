package io.postage.codec.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmentedBytesTest {

    @Test
    void nothingWrittenGivesAnEmptyArray() {
        assertThat(new SegmentedBytes().toByteArray()).isEmpty();
    }

    @Test
    void singleBytesAcrossManySegmentsComeBackInOrder() {
        SegmentedBytes out = new SegmentedBytes();
        byte[] expected = new byte[100_000];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (i * 31);
            out.write(expected[i]);
        }

        assertThat(out.toByteArray()).isEqualTo(expected);
    }

    @Test
    void writesOfEverySizeComeBackAsAByteArrayOutputStreamHasThem() {
        Random random = new Random(7);
        SegmentedBytes out = new SegmentedBytes();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int length : new int[] {0, 1, 255, 256, 257, 8_000, 3, 70_000, 1, 8_000, 12_345}) {
            byte[] chunk = new byte[length + 10];
            random.nextBytes(chunk);
            out.write(chunk, 5, length);
            expected.write(chunk, 5, length);
        }

        assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void aBodyFillingTheFirstSegmentExactlyComesBackWhole() {
        SegmentedBytes out = new SegmentedBytes();
        byte[] body = new byte[SegmentedBytes.FIRST_SEGMENT];
        new Random(11).nextBytes(body);
        out.write(body, 0, body.length);

        assertThat(out.toByteArray()).isEqualTo(body);
    }

    @Test
    void aWriteOutsideItsArrayIsRefusedNamingTheRange() {
        SegmentedBytes out = new SegmentedBytes();

        assertThatThrownBy(() -> out.write(new byte[4], 3, 2)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("offset 3, length 2 of 4");
    }
}
