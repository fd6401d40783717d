package dev.slipway.runtime.asl.history;

import java.time.Instant;

/** A stored state machine, as DescribeStateMachine reports it. */
public record StateMachineRecord(String arn, String name, String definition, String roleArn, String type,
                                 Instant creationDate, long revision) {
}
