package dev.slipway.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GlobTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "main, main, true",
            "main, mainline, false",
            "release/*, release/1.2, true",
            "release/*, release/1/rc, false",
            "release/**, release/1/rc, true",
            "release/**, release/, true",
            "release/**, releases/1, false",
            "**/hotfix, hotfix, true",
            "**/hotfix, team/a/hotfix, true",
            "**/hotfix, xhotfix, false",
            "**, any/thing/at/all, true",
            "*, feature/x, false",
            "v*, v1.2.3, true",
            "v?.?, v1.2, true",
            "v?.?, v1/2, false",
            "v[0-9].*, v3.x, true",
            "v[0-9].*, va.x, false",
            "v[!0-9]*, va, true",
            "v[!0-9]*, v1, false",
            "[!a], /, false",
            "feature/*-fix, feature/login-fix, true",
            "a.b, axb, false",
            "a\\*b, a*b, true",
            "a\\*b, axb, false",
            "(x)+, (x)+, true",
    })
    void matchesWholeNames(String glob, String name, boolean expected) {
        assertThat(Glob.parse(glob).matches(name)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "''|empty pattern",
            "release/[a|'[' is never closed with ']' at character 9",
            "x\\|nothing to escape after '\\' at character 2",
            "a***|'***' is not a pattern",
            "[z-a]|range 'z-a' is backwards",
            "[a/b]|'/' cannot be in a character class",
    })
    void rejectsMalformedPatternsWithThePosition(String glob, String message) {
        assertThatThrownBy(() -> Glob.parse(glob))
                .isInstanceOf(GlobSyntaxException.class)
                .hasMessageContaining(message);
    }

    @Test
    void anEmptyListOfGlobsMatchesEverything() {
        assertThat(Glob.anyMatches(List.of(), "whatever")).isTrue();
        assertThat(Glob.anyMatches(List.of(Glob.parse("main")), "dev")).isFalse();
    }

    @Test
    void globsAreEqualByPattern() {
        assertThat(Glob.parse("v*")).isEqualTo(Glob.parse("v*")).hasSameHashCodeAs(Glob.parse("v*"));
        assertThat(Glob.parse("v*")).isNotEqualTo(Glob.parse("v?"));
    }
}
