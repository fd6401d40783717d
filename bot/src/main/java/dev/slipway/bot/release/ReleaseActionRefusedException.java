package dev.slipway.bot.release;

/**
 * An action that cannot start because of what was asked (unknown service, environment not in the
 * pipeline file, no good image to roll back to, build already finished, ...). The message is shown
 * to the requester as is: it says what was wrong and what to do.
 */
public class ReleaseActionRefusedException extends Exception {

    public ReleaseActionRefusedException(String message) {
        super(message);
    }
}
