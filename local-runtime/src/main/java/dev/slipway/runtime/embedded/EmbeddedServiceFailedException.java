package dev.slipway.runtime.embedded;

/** An embedded service did not start; the message says which, on which port, and what to try. */
public final class EmbeddedServiceFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbeddedServiceFailedException(String service, int port, Throwable cause) {
        super(service + " did not start on 127.0.0.1:" + port + ": " + rootMessage(cause)
                + ". Is the port taken (choose another with --port, or stop the other process)?", cause);
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")");
    }
}
