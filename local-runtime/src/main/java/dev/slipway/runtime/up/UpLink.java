package dev.slipway.runtime.up;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.json.SlipwayJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * How a {@code slipway} command on this machine reaches the running {@code slipway up}:
 * {@code <data>/up.json} with its URL and a token made at start, readable by its owner only
 * (mode 600), so that only someone who can read the data directory can decide approvals.
 */
record UpLink(URI url, String token) {

    static final String FILE = "up.json";

    static UpLink fresh(URI url) {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return new UpLink(url, HexFormat.of().formatHex(bytes));
    }

    /** Replaces the file; it is created with mode 600 before the token is written into it. */
    void write(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, SlipwayJson.write(Map.of("url", url.toString(), "token", token)),
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + " (how slipway approve finds this process)", e);
        }
    }

    static UpLink read(Path dataDir) throws UpNotRunningException {
        Path file = dataDir.resolve(FILE);
        try {
            JsonNode node = SlipwayJson.mapper().readTree(Files.readString(file));
            return new UpLink(URI.create(node.path("url").asText()), node.path("token").asText());
        } catch (NoSuchFileException e) {
            throw new UpNotRunningException("no " + file + ": start `slipway up` with this data directory first, or"
                    + " pass --data with the one it uses");
        } catch (IOException | IllegalArgumentException e) {
            throw new UpNotRunningException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** No running {@code slipway up} can be found or reached for the data directory given. */
    static final class UpNotRunningException extends Exception {
        UpNotRunningException(String message) {
            super(message);
        }
    }
}
