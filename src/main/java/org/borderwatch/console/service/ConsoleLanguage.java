package org.borderwatch.console.service;

import java.util.List;
import java.util.Locale;

/** The console's languages: Vietnamese, Chinese and English, from the user's choice or else the browser's. */
public final class ConsoleLanguage {

    public static final String COOKIE = "bw-lang";
    public static final List<String> SUPPORTED = List.of("vi", "zh", "en");

    private ConsoleLanguage() {
    }

    /** The chosen language when it is one of ours, else the first of the browser's that is, else English. */
    public static String resolve(String chosen, List<Locale> acceptable) {
        if (chosen != null && SUPPORTED.contains(chosen)) {
            return chosen;
        }
        for (Locale locale : acceptable) {
            if (SUPPORTED.contains(locale.getLanguage())) {
                return locale.getLanguage();
            }
        }
        return "en";
    }

    public static boolean supported(String language) {
        return language != null && SUPPORTED.contains(language);
    }
}
