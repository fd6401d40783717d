package dev.slipway.testkit.build;

import dev.slipway.core.build.BuildStore;

class InMemoryBuildStoreTest extends BuildStoreContract {

    @Override
    protected BuildStore newStore() {
        return new InMemoryBuildStore();
    }
}
