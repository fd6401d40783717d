package dev.slipway.bot.app;

/**
 * Supplies the bot's ports where they are assembled for a deployment (the functions module wires
 * DynamoDB, SQS and Step Functions adapters; the local runtime its embedded ones). Found with
 * {@link java.util.ServiceLoader}, so that the bot does not depend on the modules that implement
 * its ports: list the implementation in
 * {@code META-INF/services/dev.slipway.bot.app.BotPortsProvider}.
 */
public interface BotPortsProvider {

    SlipwayBot.Ports ports(BotConfig config);
}
