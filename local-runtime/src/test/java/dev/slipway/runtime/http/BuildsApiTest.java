package dev.slipway.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BuildsApiTest {

    @Test
    void queryValuesAreDecodedAndTheFirstOfARepeatedNameWins() {
        assertThat(BuildsApi.query("repo=acme%2Fapi&limit=5&repo=other")).containsEntry("repo", "acme/api")
                .containsEntry("limit", "5").hasSize(2);
        assertThat(BuildsApi.query(null)).isEmpty();
        assertThat(BuildsApi.query("flag")).containsEntry("flag", "");
    }
}
