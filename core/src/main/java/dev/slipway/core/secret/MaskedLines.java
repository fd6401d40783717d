package dev.slipway.core.secret;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns one output stream, arriving as byte chunks, into masked lines: bytes to text (a UTF-8
 * character may be split across chunks), text through the {@link SecretMasker} (a secret may be
 * split too), text into lines without their terminators. For one stream; not thread-safe.
 *
 * <p>Markers ({@link dev.slipway.core.task.TaskOutputs}) are looked for in the unmasked lines,
 * which go to {@code rawLines} and nowhere else: a secret such as a registry user name may occur in
 * a marker line.
 */
public final class MaskedLines {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final SecretMasker.Stream masking;
    private final Consumer<String> lines;
    private final Consumer<String> rawLines;
    private final StringBuilder line = new StringBuilder();
    private final StringBuilder rawLine = new StringBuilder();
    private ByteBuffer carry = ByteBuffer.allocate(0);
    private boolean finished;

    public MaskedLines(SecretMasker masker, Consumer<String> lines, Consumer<String> rawLines) {
        this.masking = masker.stream();
        this.lines = lines;
        this.rawLines = rawLines;
    }

    /** Adds a chunk; ignored after {@link #finish()}. */
    public void accept(byte[] bytes, int offset, int length) {
        if (finished) {
            return;
        }
        process(ByteBuffer.wrap(bytes, offset, length), false);
    }

    /** The end of the stream: a last line without a terminator is passed on too. Safe to call twice. */
    public void finish() {
        if (!finished) {
            finished = true;
            process(ByteBuffer.allocate(0), true);
        }
    }

    private void process(ByteBuffer bytes, boolean end) {
        ByteBuffer in = ByteBuffer.allocate(carry.remaining() + bytes.remaining()).put(carry).put(bytes).flip();
        CharBuffer chars = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, chars, end);
        if (end) {
            decoder.flush(chars);
        }
        carry = in.slice();
        chars.flip();
        rawLine.append(chars);
        chars.rewind();
        split(rawLine, rawLines, end);
        line.append(masking.feed(chars));
        if (end) {
            line.append(masking.finish());
        }
        split(line, lines, end);
    }

    private static void split(StringBuilder buffer, Consumer<String> out, boolean end) {
        int nl;
        while ((nl = buffer.indexOf("\n")) >= 0) {
            int cut = nl > 0 && buffer.charAt(nl - 1) == '\r' ? nl - 1 : nl;
            out.accept(buffer.substring(0, cut));
            buffer.delete(0, nl + 1);
        }
        if (end && buffer.length() > 0) {
            out.accept(buffer.toString());
            buffer.setLength(0);
        }
    }
}
