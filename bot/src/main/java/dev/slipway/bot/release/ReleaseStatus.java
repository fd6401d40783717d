package dev.slipway.bot.release;

import dev.slipway.bot.command.SlashCommand;
import java.util.Optional;

/**
 * Read side for {@code /status}, answered from the build records (issue 5's stores).
 * Contract: read-only, fast (one or two indexed queries), thread safe; a subject that does not exist
 * throws {@link ReleaseActionRefusedException} with a message for the user.
 */
public interface ReleaseStatus {

    StatusReport report(Optional<SlashCommand.StatusSubject> subject) throws ReleaseActionRefusedException;
}
