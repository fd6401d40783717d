package dev.slipway.functions.aws;

import dev.slipway.core.ingress.DeliveryLedger;
import dev.slipway.testkit.ingress.DeliveryLedgerContract;

class DynamoDeliveryLedgerIT extends DeliveryLedgerContract {

    @Override
    protected DeliveryLedger newLedger() {
        String table = EmbeddedDynamo.uniquePrefix() + "deliveries";
        DynamoTables.createDeliveries(EmbeddedDynamo.client(), table);
        return new DynamoDeliveryLedger(EmbeddedDynamo.client(), table);
    }
}
