package dev.slipway.testkit.task;

import dev.slipway.core.task.LogLine;
import dev.slipway.core.task.LogSink;
import java.util.ArrayList;
import java.util.List;

/** Keeps every line for assertions; safe to read from another thread while a task runs. */
public final class RecordingLogSink implements LogSink {

    private final List<LogLine> lines = new ArrayList<>();

    @Override
    public synchronized void accept(LogLine line) {
        lines.add(line);
    }

    public synchronized List<LogLine> lines() {
        return List.copyOf(lines);
    }

    /** The text of the lines of one container, in order. */
    public synchronized List<String> texts(String container) {
        return lines.stream().filter(l -> l.container().equals(container)).map(LogLine::text).toList();
    }

    public synchronized List<String> texts() {
        return lines.stream().map(LogLine::text).toList();
    }

    public synchronized boolean contains(String text) {
        return lines.stream().anyMatch(l -> l.text().contains(text));
    }

    @Override
    public synchronized String toString() {
        var out = new StringBuilder();
        lines.forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }
}
