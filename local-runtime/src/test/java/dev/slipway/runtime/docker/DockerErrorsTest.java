package dev.slipway.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.InternalServerErrorException;
import com.github.dockerjava.api.exception.NotFoundException;
import org.junit.jupiter.api.Test;

class DockerErrorsTest {

    @Test
    void keepsTheDaemonsOwnMessage() {
        var e = new NotFoundException("Status 404: {\"message\":\"manifest for x:1 not found: manifest unknown\"}\n");
        assertThat(DockerErrors.describe(e)).isEqualTo("manifest for x:1 not found: manifest unknown");
    }

    @Test
    void unescapesQuotes() {
        var e = new InternalServerErrorException("Status 500: {\"message\":\"Get \\\"https://r:5999/v2/\\\": connection refused\"}");
        assertThat(DockerErrors.describe(e)).isEqualTo("Get \"https://r:5999/v2/\": connection refused");
    }

    @Test
    void namesTheCauseOfOtherExceptions() {
        var e = new IllegalStateException("request failed", new java.net.ConnectException("No such file or directory"));
        assertThat(DockerErrors.describe(e)).isEqualTo("request failed (No such file or directory)");
    }
}
