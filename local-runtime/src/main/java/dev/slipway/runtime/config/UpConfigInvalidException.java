package dev.slipway.runtime.config;

/**
 * The configuration of {@code slipway up} cannot be used. The message names where the bad value
 * came from (the file, an environment variable or an option), the key, and what to write instead.
 */
public final class UpConfigInvalidException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UpConfigInvalidException(String source, String key, String problem) {
        super(source + ": " + key + ": " + problem);
    }

    public UpConfigInvalidException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
