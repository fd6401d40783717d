package dev.slipway.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskedLinesTest {

    private final List<String> lines = new ArrayList<>();
    private final List<String> raw = new ArrayList<>();
    private final MaskedLines out = new MaskedLines(SecretMasker.of(List.of("hunter2")), lines::add, raw::add);

    private void feedByteByByte(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            out.accept(bytes, i, 1);
        }
    }

    @Test
    void splitsLinesAndMasksASecretSplitAcrossChunks() {
        feedByteByByte("first\r\npassword=hunter2\nlast without newline");
        assertThat(lines).containsExactly("first", "password=***");
        out.finish();
        assertThat(lines).containsExactly("first", "password=***", "last without newline");
    }

    @Test
    void keepsMultiByteCharactersSplitAcrossChunks() {
        feedByteByByte("grüße ✓ 🚀\n");
        assertThat(lines).containsExactly("grüße ✓ 🚀");
    }

    @Test
    void rawLinesAreUnmaskedForMarkersOnly() {
        feedByteByByte("marker hunter2\n");
        assertThat(raw).containsExactly("marker hunter2");
        assertThat(lines).containsExactly("marker ***");
    }

    @Test
    void finishingTwiceAndFeedingAfterTheEndChangeNothing() {
        feedByteByByte("tail");
        out.finish();
        out.finish();
        out.accept("late\n".getBytes(StandardCharsets.UTF_8), 0, 5);
        assertThat(lines).containsExactly("tail");
    }

    @Test
    void anEmptyStreamGivesNoLines() {
        out.finish();
        assertThat(lines).isEmpty();
    }
}
