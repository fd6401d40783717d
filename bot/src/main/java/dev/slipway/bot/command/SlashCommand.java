package dev.slipway.bot.command;

import java.util.Optional;

/** What a user asked for with a slash command, parsed and valid; nothing has started yet. */
public sealed interface SlashCommand {

    /** {@code /deploy <service> [<ref>|<build>] [to <env>]}: without a source, the service's latest good build. */
    record Deploy(String service, Optional<Source> source, Optional<String> environment) implements SlashCommand {
    }

    /** {@code /rollback <service> [<env>] [to <build>|<image>]}: without a target, the last good image. */
    record Rollback(String service, Optional<String> environment, Optional<RollbackTarget> target) implements SlashCommand {
    }

    /** {@code /build <repo> [<branch>]}: without a branch, the repository's default branch. */
    record Build(String repository, Optional<String> branch) implements SlashCommand {
    }

    /** {@code /status [<service>|<build>]}: without a subject, everything running and open. */
    record Status(Optional<StatusSubject> subject) implements SlashCommand {
    }

    /** {@code /cancel <build>}. */
    record Cancel(BuildRef build) implements SlashCommand {
    }

    /** {@code /slipway help}. */
    record Help() implements SlashCommand {
    }

    /** What {@code /deploy} deploys: a git ref to build first, or an existing build. */
    sealed interface Source permits GitRef, BuildRef {
    }

    /** What {@code /rollback} goes back to. */
    sealed interface RollbackTarget permits BuildRef, ImageRef {
    }

    /** What {@code /status} reports on. */
    sealed interface StatusSubject permits ServiceName, BuildRef {
    }

    /** A branch, tag or commit sha. */
    record GitRef(String ref) implements Source {
    }

    /** A build, written {@code #<id>} in commands; {@code id} is without the {@code #}. */
    record BuildRef(String id) implements Source, RollbackTarget, StatusSubject {
        @Override
        public String toString() {
            return "#" + id;
        }
    }

    /** An image reference with a repository and a tag or digest, e.g. {@code registry/acme/api@sha256:…}. */
    record ImageRef(String image) implements RollbackTarget {
    }

    record ServiceName(String name) implements StatusSubject {
    }
}
