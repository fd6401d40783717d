package dev.slipway.runtime.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.slipway.core.secret.SecretMasker;
import dev.slipway.core.task.LogLine;
import dev.slipway.core.task.TaskOutputs;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Follows one container's output: bytes to text (a UTF-8 character may be split across frames),
 * text through the secret masker (a secret may be split too), text to lines, each line
 * timestamped and handed on. Keeps the last lines and any digest marker for the result.
 */
final class LogPump extends ResultCallback.Adapter<Frame> {

    private final String container;
    private final SecretMasker masker;
    private final Clock clock;
    private final Consumer<LogLine> out;
    private final int keep;
    private final Map<LogLine.Stream, StreamState> streams = new EnumMap<>(LogLine.Stream.class);
    private final Deque<String> lastLines = new ArrayDeque<>();
    private volatile String digest;

    LogPump(String container, SecretMasker masker, Clock clock, int keep, Consumer<LogLine> out) {
        this.container = container;
        this.masker = masker;
        this.clock = clock;
        this.keep = keep;
        this.out = out;
    }

    @Override
    public void onNext(Frame frame) {
        LogLine.Stream stream = frame.getStreamType() == StreamType.STDERR ? LogLine.Stream.STDERR : LogLine.Stream.STDOUT;
        synchronized (this) {
            streams.computeIfAbsent(stream, StreamState::new).accept(frame.getPayload(), false);
        }
    }

    @Override
    public void onComplete() {
        flush();
        super.onComplete();
    }

    @Override
    public void onError(Throwable throwable) {
        flush();
        super.onError(throwable);
    }

    private synchronized void flush() {
        streams.values().forEach(s -> s.accept(new byte[0], true));
    }

    synchronized List<String> lastLines() {
        return List.copyOf(lastLines);
    }

    Optional<String> digest() {
        return Optional.ofNullable(digest);
    }

    private void emit(LogLine.Stream stream, String text) {
        TaskOutputs.digestIn(text).ifPresent(d -> digest = d);
        lastLines.addLast(text);
        while (lastLines.size() > keep) {
            lastLines.removeFirst();
        }
        out.accept(new LogLine(clock.instant(), container, stream, text));
    }

    /** Decoder, masker and partial line of one stream. */
    private final class StreamState {
        private final LogLine.Stream stream;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final SecretMasker.Stream masking = masker.stream();
        private final StringBuilder line = new StringBuilder();
        private ByteBuffer carry = ByteBuffer.allocate(0);

        StreamState(LogLine.Stream stream) {
            this.stream = stream;
        }

        void accept(byte[] bytes, boolean end) {
            ByteBuffer in = ByteBuffer.allocate(carry.remaining() + bytes.length).put(carry).put(bytes).flip();
            CharBuffer chars = CharBuffer.allocate(in.remaining() + 1);
            decoder.decode(in, chars, end);
            carry = in.slice();
            chars.flip();
            line.append(masking.feed(chars));
            if (end) {
                line.append(masking.finish());
            }
            emitCompleteLines(end);
        }

        private void emitCompleteLines(boolean end) {
            int nl;
            while ((nl = line.indexOf("\n")) >= 0) {
                int cut = nl > 0 && line.charAt(nl - 1) == '\r' ? nl - 1 : nl;
                emit(stream, line.substring(0, cut));
                line.delete(0, nl + 1);
            }
            if (end && line.length() > 0) {
                emit(stream, line.toString());
                line.setLength(0);
            }
        }
    }
}
