package dev.slipway.functions.aws;

import static dev.slipway.functions.aws.Items.n;
import static dev.slipway.functions.aws.Items.s;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.ingress.DeliveryClaim;
import dev.slipway.core.ingress.DeliveryKey;
import dev.slipway.core.ingress.DeliveryLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * {@link DeliveryLedger} on a DynamoDB table with partition key {@code delivery} and TTL on {@code ttl}.
 *
 * <p>An item is CLAIMED (until its lease ends) or QUEUED (until the retention ends); {@code until}
 * holds that end in epoch millis. A claim is one conditional put, "absent or ended", so of
 * concurrent claims exactly one succeeds. DynamoDB's TTL deletes expired items only eventually
 * (typically within days), which is why the condition checks {@code until} itself instead of
 * relying on the item being gone; {@code ttl} is there to keep the table small.
 */
public final class DynamoDeliveryLedger implements DeliveryLedger {

    static final String KEY = "delivery";
    static final String TTL = "ttl";
    private static final String STATE = "state";
    private static final String UNTIL = "until";
    private static final String BUILD = "build";
    private static final String CLAIMED = "CLAIMED";
    private static final String QUEUED = "QUEUED";
    /** Keeps items a day past their end before TTL may delete them. */
    private static final Duration TTL_GRACE = Duration.ofDays(1);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDeliveryLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public DeliveryClaim claim(DeliveryKey key, BuildId build, Instant now, Duration lease) {
        Instant until = now.plus(lease);
        try {
            Map<String, AttributeValue> old = dynamo.putItem(r -> r.tableName(table)
                    .item(Map.of(KEY, s(key.asString()), BUILD, s(build.value()), STATE, s(CLAIMED),
                            UNTIL, n(until.toEpochMilli()), TTL, n(until.plus(TTL_GRACE).getEpochSecond())))
                    .conditionExpression("attribute_not_exists(#k) OR #u < :now")
                    .expressionAttributeNames(Map.of("#k", KEY, "#u", UNTIL))
                    .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli())))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            return new DeliveryClaim.Claimed(old != null && CLAIMED.equals(Items.string(old, STATE)));
        } catch (ConditionalCheckFailedException e) {
            return refusal(key, e);
        }
    }

    private DeliveryClaim refusal(DeliveryKey key, ConditionalCheckFailedException e) {
        Map<String, AttributeValue> current = e.hasItem() && !e.item().isEmpty() ? e.item()
                : dynamo.getItem(r -> r.tableName(table).key(Map.of(KEY, s(key.asString()))).consistentRead(true)).item();
        if (QUEUED.equals(Items.string(current, STATE))) {
            return new DeliveryClaim.AlreadyQueued(BuildId.of(Items.string(current, BUILD)));
        }
        return new DeliveryClaim.InProgress(Instant.ofEpochMilli(Items.number(current, UNTIL)));
    }

    @Override
    public void markQueued(DeliveryKey key, Instant now, Duration retention) {
        Instant until = now.plus(retention);
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Map.of(KEY, s(key.asString())))
                    .updateExpression("SET #s = :queued, #u = :until, #t = :ttl")
                    .conditionExpression("attribute_exists(#k)")
                    .expressionAttributeNames(Map.of("#k", KEY, "#u", UNTIL, "#s", STATE, "#t", TTL))
                    .expressionAttributeValues(Map.of(":queued", s(QUEUED), ":until", n(until.toEpochMilli()),
                            ":ttl", n(until.plus(TTL_GRACE).getEpochSecond()))));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("delivery " + key.asString() + " was never claimed: claim before markQueued", e);
        }
    }

    @Override
    public void release(DeliveryKey key) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Map.of(KEY, s(key.asString())))
                    .updateExpression("SET #u = :ended")
                    .conditionExpression("#s = :claimed")
                    .expressionAttributeNames(Map.of("#u", UNTIL, "#s", STATE))
                    .expressionAttributeValues(Map.of(":ended", n(0), ":claimed", s(CLAIMED)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.NONE));
        } catch (ConditionalCheckFailedException e) {
            // Queued (release must not undo that) or never claimed: nothing to give up.
        }
    }
}
