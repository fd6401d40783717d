package dev.slipway.runtime.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.slipway.core.secret.MaskedLines;
import dev.slipway.core.secret.SecretMasker;
import dev.slipway.core.task.LogLine;
import dev.slipway.core.task.TaskOutputs;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Follows one container's output (Docker's multiplexed frames) and hands on masked, timestamped
 * lines per stream. Keeps the last lines and any digest marker for the result.
 */
final class LogPump extends ResultCallback.Adapter<Frame> {

    private final String container;
    private final SecretMasker masker;
    private final Clock clock;
    private final Consumer<LogLine> out;
    private final int keep;
    private final Map<LogLine.Stream, MaskedLines> streams = new EnumMap<>(LogLine.Stream.class);
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
        byte[] payload = frame.getPayload();
        synchronized (this) {
            streams.computeIfAbsent(stream, this::lines).accept(payload, 0, payload.length);
        }
    }

    private MaskedLines lines(LogLine.Stream stream) {
        return new MaskedLines(masker, text -> emit(stream, text), raw -> TaskOutputs.digestIn(raw).ifPresent(d -> digest = d));
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
        streams.values().forEach(MaskedLines::finish);
    }

    synchronized List<String> lastLines() {
        return List.copyOf(lastLines);
    }

    Optional<String> digest() {
        return Optional.ofNullable(digest);
    }

    private void emit(LogLine.Stream stream, String text) {
        lastLines.addLast(text);
        while (lastLines.size() > keep) {
            lastLines.removeFirst();
        }
        out.accept(new LogLine(clock.instant(), container, stream, text));
    }
}
