package dev.slipway.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretMaskerTest {

    private static final String SECRET = "s3cr3t value/with+chars";
    private final SecretMasker masker = SecretMasker.of(List.of(SECRET));

    @Test
    void masksTheExactValue() {
        assertThat(masker.mask("token is " + SECRET + "!")).isEqualTo("token is ***!");
    }

    @Test
    void masksEveryOccurrence() {
        assertThat(masker.mask(SECRET + SECRET + " and " + SECRET)).isEqualTo("****** and ***");
    }

    @Test
    void masksBase64Forms() {
        byte[] bytes = SECRET.getBytes(StandardCharsets.UTF_8);
        String std = Base64.getEncoder().encodeToString(bytes);
        String url = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThat(std).isNotEqualTo(url);
        assertThat(masker.mask("Authorization: Basic " + std)).isEqualTo("Authorization: Basic ***");
        assertThat(masker.mask("jwt=" + url + ";")).isEqualTo("jwt=***;");
    }

    @Test
    void masksUrlEncodedForms() {
        String form = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        assertThat(form).contains("+").contains("%2F");
        assertThat(masker.mask("https://x/?t=" + form)).isEqualTo("https://x/?t=***");
        assertThat(masker.mask("https://x/?t=" + form.replace("+", "%20"))).isEqualTo("https://x/?t=***");
    }

    @Test
    void leavesTextWithoutSecretsAlone() {
        String text = "s3cr3t valu and nothing else\n";
        assertThat(masker.mask(text)).isEqualTo(text);
    }

    @Test
    void masksTheLongerOfTwoOverlappingValues() {
        SecretMasker two = SecretMasker.of(List.of("abc", "abcdef"));
        assertThat(two.mask("xabcdefx abcx")).isEqualTo("x***x ***x");
    }

    @Test
    void masksEachLineOfAMultiLineValue() {
        SecretMasker key = SecretMasker.of(List.of("-----BEGIN KEY-----\nMIIEpAIBAAKCAQEA\n-----END KEY-----"));
        assertThat(key.mask("line: MIIEpAIBAAKCAQEA\n")).isEqualTo("line: ***\n");
    }

    @Test
    void ignoresEmptyValues() {
        SecretMasker empty = SecretMasker.of(List.of("", "abc"));
        assertThat(empty.mask("xyz abc")).isEqualTo("xyz ***");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7, 11})
    void masksAValueSplitAcrossChunks(int chunkSize) {
        String text = "before " + SECRET + " middle " + SECRET + " after\n";
        StringBuilder out = new StringBuilder();
        SecretMasker.Stream stream = masker.stream();
        for (int i = 0; i < text.length(); i += chunkSize) {
            out.append(stream.feed(text.substring(i, Math.min(text.length(), i + chunkSize))));
        }
        out.append(stream.finish());
        assertThat(out.toString()).isEqualTo("before *** middle *** after\n");
    }

    @Test
    void streamEmitsTextThatCannotStartASecretAtOnce() {
        SecretMasker.Stream stream = masker.stream();
        assertThat(stream.feed("hello world\n")).isEqualTo("hello world\n");
        assertThat(stream.feed("partial s3cr")).isEqualTo("partial ");
        assertThat(stream.feed("x done")).isEqualTo("s3crx done");
        assertThat(stream.finish()).isEmpty();
    }

    @Test
    void finishReleasesAHeldBackPrefix() {
        SecretMasker.Stream stream = masker.stream();
        assertThat(stream.feed("ends with s3c")).isEqualTo("ends with ");
        assertThat(stream.finish()).isEqualTo("s3c");
    }

    @Test
    void noSecretsMeansNoChange() {
        assertThat(SecretMasker.none().mask("anything " + SECRET)).isEqualTo("anything " + SECRET);
    }

    @Test
    void mapSecretStoreNeverPrintsValues() {
        assertThat(new MapSecretStore(java.util.Map.of("TOKEN", SECRET)).toString()).doesNotContain(SECRET).contains("TOKEN");
    }
}
