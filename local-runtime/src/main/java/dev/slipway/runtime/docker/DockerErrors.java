package dev.slipway.runtime.docker;

import com.github.dockerjava.api.exception.DockerException;

/** Turns docker-java exceptions into one readable line. */
final class DockerErrors {

    private DockerErrors() {
    }

    /**
     * The daemon's own message: docker-java wraps it as {@code Status 404: {"message":"..."}}; the
     * message (e.g. {@code manifest unknown}, {@code unauthorized: authentication required},
     * {@code connection refused}) is what names the cause.
     */
    static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int start = message.indexOf("{\"message\":\"");
        if (e instanceof DockerException && start >= 0) {
            int from = start + "{\"message\":\"".length();
            int end = message.lastIndexOf("\"}");
            if (end > from) {
                message = message.substring(from, end).replace("\\\"", "\"");
            }
        }
        if (e.getCause() != null && e.getCause() != e && !(e instanceof DockerException)) {
            message = message + " (" + describe(e.getCause()) + ")";
        }
        return message;
    }
}
