package org.borderwatch.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ConsoleLanguageTest {

    @Test
    void theUsersChoiceWinsThenTheBrowsersFirstSupportedLanguageThenEnglish() {
        assertThat(ConsoleLanguage.resolve("vi", List.of(Locale.CHINA))).isEqualTo("vi");
        assertThat(ConsoleLanguage.resolve("fr", List.of(Locale.FRANCE, Locale.forLanguageTag("zh-CN")))).isEqualTo("zh");
        assertThat(ConsoleLanguage.resolve(null, List.of(Locale.GERMANY))).isEqualTo("en");
        assertThat(ConsoleLanguage.resolve("<script>", List.of())).isEqualTo("en");
    }

    @Test
    void formTokensAreRandomAndCompareOnlyWhenBothAreWellFormedAndEqual() {
        String token = CsrfTokens.fresh();
        assertThat(token).hasSize(43).isNotEqualTo(CsrfTokens.fresh());
        assertThat(CsrfTokens.matches(token, token)).isTrue();
        assertThat(CsrfTokens.matches(token, CsrfTokens.fresh())).isFalse();
        assertThat(CsrfTokens.matches(null, null)).isFalse();
        assertThat(CsrfTokens.matches("short", "short")).isFalse();
        assertThat(CsrfTokens.cookieName(true)).startsWith("__Host-");
    }
}
