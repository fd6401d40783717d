package dev.slipway.core.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Keeps what one stage of a build produces for later stages and for people: stage outputs
 * (archives), log archives. A directory on one machine, S3 in the cloud.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Keys are {@code (buildId, name)}; a name is one or more segments of letters, digits,
 *       {@code . _ -} separated by {@code /} (no {@code ..}). Anything else is rejected with
 *       {@link IllegalArgumentException} before any I/O.</li>
 *   <li>{@link #put} is atomic: a concurrent or later {@link #open} sees the whole old content or
 *       the whole new content, never a part. Putting the same key twice replaces it, so a retried
 *       stage can save its outputs again.</li>
 *   <li>{@link #delete} of a build that has nothing stored is not an error.</li>
 *   <li>Implementations are thread-safe.</li>
 * </ul>
 */
public interface ArtifactStore {

    /** Stores the content read from {@code content} (read to its end, not closed). */
    void put(String buildId, String name, InputStream content) throws IOException;

    /** Opens the content for reading; the caller closes it. Empty when nothing is stored there. */
    Optional<InputStream> open(String buildId, String name) throws IOException;

    /** Names stored for the build, sorted. */
    List<String> list(String buildId) throws IOException;

    /** Removes everything stored for the build. */
    void delete(String buildId) throws IOException;
}
