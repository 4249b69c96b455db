package com.mailroom.platform;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;

/**
 * A text a person reads, as Java holds it: a code of the one messages bundle ({@code com/mailroom/messages.properties},
 * German in {@code messages_de.properties}; the pages read it as {@code msg}) and the values that go into it. Java
 * says what happened; the bundle says it, so the same failure reads in the language of whoever looks at it: the
 * page's, or English for the API and the logs ({@link #english()}).
 * <p>
 * Arguments are kept as strings, or as Texts rendered in the same language. Numbers become their digits at once:
 * ports, sizes and milliseconds are not amounts to group ("65535", never "65,535"), and the English sentences stay
 * exactly as they were before they moved to the bundle. A sentence with placeholders goes through
 * {@link MessageFormat} (an apostrophe is written {@code ''} there), one without is taken as it is.
 * <p>
 * Words that are not Mailroom's own (a server's reply, a JDK or provider message) are the same in every language:
 * arguments as they are, or a whole text {@link #verbatim}.
 */
public record Text(String code, List<Object> arguments) {

    private static final String BUNDLE = "com.mailroom.messages";

    /** No fallback to the JVM's default locale: a German server answers an English request in English. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public Text {
        arguments = arguments.stream()
                .map(a -> a instanceof Text ? a : String.valueOf(a))
                .toList();
    }

    /** The sentence {@code code} of the bundle, with these values in its placeholders (null reads "null"). */
    public static Text of(String code, Object... arguments) {
        return new Text(code, Arrays.asList(arguments));
    }

    /** Words shown as they are, in every language; none (null) for none. */
    public static Text verbatim(String words) {
        return words == null ? null : new Text(null, List.of(words));
    }

    public String in(Locale locale) {
        if (code == null) {
            return (String) arguments.get(0);
        }
        String sentence = ResourceBundle.getBundle(BUNDLE, locale, Text.class.getClassLoader(), NO_FALLBACK)
                .getString(code);
        if (arguments.isEmpty()) {
            return sentence;
        }
        Object[] values = arguments.stream()
                .map(a -> a instanceof Text t ? t.in(locale) : a)
                .toArray();
        return new MessageFormat(sentence, locale).format(values);
    }

    /** As the API shows it and the logs say it. */
    public String english() {
        return in(Locale.ENGLISH);
    }

    /** The same text with {@code change} applied to every string value, in nested texts too (e.g. to redact). */
    public Text mapArguments(UnaryOperator<String> change) {
        return new Text(
                code,
                arguments.stream()
                        .map(a -> a instanceof Text t ? t.mapArguments(change) : change.apply((String) a))
                        .toList());
    }
}
