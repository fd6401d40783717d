package dev.slipway.runtime.docker;

/** An image is neither on the daemon nor pullable from any place the runner looked. */
public final class ImageUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ImageUnavailableException(String message) {
        super(message);
    }
}
