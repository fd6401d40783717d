package dev.slipway.functions.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.build.BuildId;
import dev.slipway.core.ingress.DeliveryKey;
import dev.slipway.core.ingress.DeliveryLedger;
import dev.slipway.core.scm.Provider;
import dev.slipway.testkit.ingress.DeliveryLedgerContract;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDeliveryLedgerIT extends DeliveryLedgerContract {

    private String table;

    @Override
    protected DeliveryLedger newLedger() {
        table = EmbeddedDynamo.uniquePrefix() + "deliveries";
        DynamoTables.createDeliveries(EmbeddedDynamo.client(), table);
        return new DynamoDeliveryLedger(EmbeddedDynamo.client(), table);
    }

    @Test
    void queuedDeliveriesCarryATtlADayAfterTheirRetention() {
        DeliveryLedger ledger = newLedger();
        DeliveryKey key = new DeliveryKey(Provider.GITHUB, "ttl-1");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ledger.claim(key, BuildId.forDelivery(Provider.GITHUB, "ttl-1"), now, Duration.ofMinutes(2));
        ledger.markQueued(key, now, Duration.ofDays(7));

        Map<String, AttributeValue> item = EmbeddedDynamo.client().getItem(r -> r.tableName(table)
                .key(Map.of("delivery", AttributeValue.fromS("github:ttl-1")))).item();

        assertThat(item.get("ttl").n()).isEqualTo(Long.toString(now.plus(Duration.ofDays(8)).getEpochSecond()));
        assertThat(item.get("state").s()).isEqualTo("QUEUED");
    }
}
