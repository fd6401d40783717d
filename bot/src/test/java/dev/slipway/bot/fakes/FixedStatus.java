package dev.slipway.bot.fakes;

import dev.slipway.bot.command.SlashCommand;
import dev.slipway.bot.release.ReleaseActionRefusedException;
import dev.slipway.bot.release.ReleaseStatus;
import dev.slipway.bot.release.StatusReport;
import java.util.Optional;

/** A status read side holding one report; a subject named {@code ghost} does not exist. */
public record FixedStatus(StatusReport report) implements ReleaseStatus {

    @Override
    public StatusReport report(Optional<SlashCommand.StatusSubject> subject) throws ReleaseActionRefusedException {
        if (subject.isPresent() && subject.get() instanceof SlashCommand.ServiceName name && name.name().equals("ghost")) {
            throw new ReleaseActionRefusedException("No service `ghost` is deployed anywhere.");
        }
        return report;
    }
}
