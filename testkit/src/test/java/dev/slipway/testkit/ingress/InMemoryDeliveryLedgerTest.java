package dev.slipway.testkit.ingress;

import dev.slipway.core.ingress.DeliveryLedger;

class InMemoryDeliveryLedgerTest extends DeliveryLedgerContract {

    @Override
    protected DeliveryLedger newLedger() {
        return new InMemoryDeliveryLedger();
    }
}
