package dev.slipway.functions.aws;

import dev.slipway.core.build.BuildStore;
import dev.slipway.testkit.build.BuildStoreContract;

class DynamoBuildStoreIT extends BuildStoreContract {

    @Override
    protected BuildStore newStore() {
        String table = EmbeddedDynamo.uniquePrefix() + "builds";
        DynamoTables.createBuilds(EmbeddedDynamo.client(), table);
        return new DynamoBuildStore(EmbeddedDynamo.client(), table);
    }
}
