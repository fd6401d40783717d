package dev.slipway.bot.notify;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

class ConsoleMessengerContractTest extends MessengerContract {

    @TempDir
    Path dir;
    private ConsoleMessenger messenger;

    @Override
    Messenger messenger() {
        if (messenger == null) {
            messenger = new ConsoleMessenger(new PrintStream(PrintStream.nullOutputStream()), dir.resolve("n.log"), Clock.systemUTC());
        }
        return messenger;
    }

    @Override
    String channel() {
        return "#deploys";
    }

    @Override
    String channelId() {
        return "#deploys";
    }

    @Override
    List<String> delivered() {
        try {
            // <time> <channel> <ts> <kind> <text>
            return Files.readAllLines(dir.resolve("n.log")).stream().map(l -> l.split(" ", 5)[4]).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
