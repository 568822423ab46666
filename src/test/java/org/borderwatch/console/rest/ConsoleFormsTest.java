package org.borderwatch.console.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import org.borderwatch.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ConsoleFormsTest {

    private static final List<Class<?>> PAGES = List.of(HomePages.class, InboxPages.class, CasePages.class, ReportPages.class,
            AuditPages.class, AdminPages.class, EvidencePages.class);

    /** A new form that forgets the token fails here before it can be merged. */
    @Test
    void everyFormTheConsoleAcceptsCarriesTheCsrfToken() {
        List<String> posts = PAGES.stream().flatMap(page -> Arrays.stream(page.getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(POST.class)).map(Method::toString).toList();
        assertThat(posts).hasSizeGreaterThanOrEqualTo(10);
        PAGES.stream().flatMap(page -> Arrays.stream(page.getDeclaredMethods())).filter(method -> method.isAnnotationPresent(POST.class))
                .forEach(method -> assertThat(Arrays.stream(method.getParameters()).anyMatch(ConsoleFormsTest::isCsrf))
                        .as(method.toString()).isTrue());
    }

    private static boolean isCsrf(Parameter parameter) {
        FormParam form = parameter.getAnnotation(FormParam.class);
        return form != null && form.value().equals("csrf") && !parameter.isAnnotationPresent(BeanParam.class);
    }

    @Test
    void theLanguageSwitchGoesBackOnlyToAConsolePage() {
        assertThat(HomePages.local("/console/inbox")).isEqualTo("/console/inbox");
        assertThat(HomePages.local("https://evil.example/console")).isEqualTo("/console");
        assertThat(HomePages.local("//evil.example")).isEqualTo("/console");
        assertThat(HomePages.local("/console/../api/v1/reports")).isEqualTo("/console");
        assertThat(HomePages.local(null)).isEqualTo("/console");
    }

    @Test
    void formTimesAreReadAtTheBrowsersOffsetAndBadOnesNameTheirField() {
        assertThat(Forms.time("dueAt", "2026-12-24T18:00", "+08:00")).hasToString("2026-12-24T18:00+08:00");
        assertThat(Forms.time("dueAt", "2026-12-24T18:00:00Z", "+07:00")).hasToString("2026-12-24T18:00Z");
        assertThat(Forms.time("dueAt", "", "+07:00")).isNull();
        assertThatThrownBy(() -> Forms.time("dueAt", "tomorrow", "+07:00")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("dueAt");
        assertThat(InboxPages.offset("+14:00")).isEqualTo("+14:00");
        assertThat(InboxPages.offset("+99:00")).isEqualTo("+07:00");
    }
}
