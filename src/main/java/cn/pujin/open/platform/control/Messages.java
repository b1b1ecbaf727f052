package cn.pujin.open.platform.control;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Text for people comes from bundles only: {@code i18n/messages*.properties} (pages, mails, problem
 * details) and {@code ValidationMessages*.properties} (constraint messages). Chinese is the base bundle;
 * English is {@code _en}. No fallback to the JVM's default locale, so a server running with an English
 * default still answers Chinese to Chinese users.
 */
public final class Messages {

    public static final String BUNDLE = "i18n.messages";
    public static final String VALIDATION_BUNDLE = "ValidationMessages";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {}

    public static String get(Locale locale, String key, Object... args) {
        return format(BUNDLE, locale, key, args);
    }

    /** A constraint message key such as {@code account.phone.invalid}, without braces. */
    public static String validation(Locale locale, String key, Object... args) {
        return format(VALIDATION_BUNDLE, locale, key, args);
    }

    /** The text of {@code prefix + code} when the bundle has one, else the code itself (data written before it had one). */
    public static String label(Locale locale, String prefix, String code) {
        if (code == null) {
            return "";
        }
        return bundle(BUNDLE, locale).containsKey(prefix + code) ? get(locale, prefix + code) : code;
    }

    /**
     * Message arguments as a person reads them on a page: a list of choices (enum constants or codes) becomes their labels
     * — the first of {@code choice.<Type>.<CODE>}, {@code kind.}, {@code mode.}, {@code status.}, {@code category.},
     * {@code suggestion.outcome.} that the bundle has — joined with "、" (", " in English); anything else stays.
     */
    public static Object[] inWords(Locale locale, Object... args) {
        if (args == null) {
            return null;
        }
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof Collection<?> choices) {
                List<String> labels = new ArrayList<>();
                for (Object c : choices) {
                    labels.add(choice(locale, c));
                }
                out[i] = String.join(listSeparator(locale), labels);
            }
        }
        return out;
    }

    private static final List<String> CHOICE_PREFIXES = List.of("kind.", "mode.", "status.", "category.", "suggestion.outcome.");

    private static String choice(Locale locale, Object choice) {
        String code = choice instanceof Enum<?> e ? e.name() : String.valueOf(choice);
        ResourceBundle b = bundle(BUNDLE, locale);
        if (choice instanceof Enum<?> e && b.containsKey("choice." + e.getDeclaringClass().getSimpleName() + "." + code)) {
            return get(locale, "choice." + e.getDeclaringClass().getSimpleName() + "." + code);
        }
        if (b.containsKey("choice." + code)) {
            return get(locale, "choice." + code);
        }
        for (String prefix : CHOICE_PREFIXES) {
            if (b.containsKey(prefix + code)) {
                return get(locale, prefix + code);
            }
        }
        return code;
    }

    public static boolean hasValidationKey(Locale locale, String key) {
        return bundle(VALIDATION_BUNDLE, locale).containsKey(key);
    }

    private static String format(String bundle, Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(bundle, locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args == null || args.length == 0) {
            return pattern;
        }
        // numbers in people's texts are counts and limits: no grouping ("1000", not "1,000")
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] instanceof Number n ? n.toString() : args[i];
        }
        return new MessageFormat(pattern, locale).format(plain);
    }

    private static ResourceBundle bundle(String name, Locale locale) {
        return ResourceBundle.getBundle(name, supported(locale), Messages.class.getClassLoader(), NO_FALLBACK);
    }

    /** English when asked for, Chinese otherwise. */
    public static Locale supported(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : CHINESE;
    }

    /** Between the items of a list in words: "、" in Chinese, ", " in English. */
    public static String listSeparator(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? ", " : "、";
    }
}
