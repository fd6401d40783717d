package dev.slipway.bot.notify;

import dev.slipway.bot.message.SlackContent;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link Messenger} without Slack: each message is one line on the console and in a log file, as
 * {@code <time> <channel> <ref> post|update|reply <text>}. References are made up here, so that
 * updates and replies can still say which message they belong to.
 */
public final class ConsoleMessenger implements Messenger {

    private final PrintStream out;
    private final Path logFile;
    private final Clock clock;
    private final AtomicLong counter = new AtomicLong();

    public ConsoleMessenger(PrintStream out, Path logFile, Clock clock) {
        this.out = out;
        this.logFile = logFile;
        this.clock = clock;
    }

    @Override
    public MessageRef post(String channel, SlackContent content) {
        MessageRef ref = new MessageRef(channel, nextTs());
        write(ref, "post", content);
        return ref;
    }

    @Override
    public void update(MessageRef message, SlackContent content) {
        write(message, "update", content);
    }

    @Override
    public MessageRef reply(MessageRef parent, SlackContent content) {
        MessageRef ref = new MessageRef(parent.channel(), nextTs());
        write(parent, "reply", content);
        return ref;
    }

    @Override
    public boolean hasButtons() {
        return false;
    }

    private String nextTs() {
        return clock.instant().getEpochSecond() + "." + String.format("%06d", counter.incrementAndGet() % 1_000_000);
    }

    private synchronized void write(MessageRef ref, String kind, SlackContent content) {
        String line = clock.instant() + " " + ref.channel() + " " + ref.ts() + " " + kind + " "
                + content.text().replace('\n', ' ');
        out.println(line);
        try {
            Path parent = logFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(logFile, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new NotificationFailedException("could not append to " + logFile + ": " + e.getMessage()
                    + "; check that the directory is writable or set another notification log path", e);
        }
    }
}
