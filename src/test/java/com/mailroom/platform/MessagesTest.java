package com.mailroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The messages bundle is complete in both languages: every key in one is in the other, with the same placeholders,
 * and every code that Java or a page names has a sentence. A missing German sentence would otherwise show the
 * English one on the German page without anyone noticing.
 */
class MessagesTest {

    private static final Locale GERMAN = Locale.GERMAN;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    /** String literals in Java that are codes: the prefixes of the sentences Java says (see messages.properties). */
    private static final Pattern JAVA_CODE =
            Pattern.compile("\"((?:error|field|address|failure|check|hint)\\.[A-Za-z0-9_.]+)\"");
    /** The page keys the Faces beans name ({@code FacesErrors.text("smtp.saved")}). */
    private static final Pattern BEAN_KEY = Pattern.compile("(?:text|flash)\\(\"([A-Za-z0-9_.]+)\"");
    /** The keys the pages name literally ({@code #{msg['smtp.save']}}). */
    private static final Pattern PAGE_KEY = Pattern.compile("msg\\['([A-Za-z0-9_.]+)'\\]");

    @Test
    void everyKeyIsInBothLanguages() {
        Properties english = bundle("messages.properties");
        Properties german = bundle("messages_de.properties");

        assertEquals(Set.of(), difference(english, german), "in English only");
        assertEquals(Set.of(), difference(german, english), "in German only");
        assertTrue(bundle("messages_en.properties").isEmpty(), "English is the base bundle; _en only stops fallback");
    }

    @Test
    void bothLanguagesHaveTheSamePlaceholdersAndEveryArgumentReachesTheText() {
        Properties english = bundle("messages.properties");
        List<String> problems = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            Set<String> placeholders = placeholders(english.getProperty(key));
            Set<String> german = placeholders(bundle("messages_de.properties").getProperty(key, ""));
            if (!placeholders.equals(german)) {
                problems.add(key + ": " + placeholders + " in English, " + german + " in German");
            }
            // a lone apostrophe would make MessageFormat swallow the placeholders after it
            Object[] markers = placeholders.stream().map(n -> "<arg" + n + ">").toArray();
            for (Locale language : List.of(Locale.ENGLISH, GERMAN)) {
                String shown = Text.of(key, markers).in(language);
                for (Object marker : markers) {
                    if (!shown.contains((String) marker)) {
                        problems.add(key + " (" + language + ") loses " + marker + ": " + shown);
                    }
                }
                if (placeholders.isEmpty() && shown.contains("''")) {
                    problems.add(key + " (" + language + ") has '' but no placeholder, so shows both: " + shown);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyCodeNamedInJavaOrAPageHasASentence() throws IOException {
        Properties english = bundle("messages.properties");
        Set<String> named = new TreeSet<>();
        named.addAll(found(Path.of("src/main/java"), ".java", JAVA_CODE));
        named.addAll(found(Path.of("src/main/java/com/mailroom/admin"), ".java", BEAN_KEY));
        named.addAll(found(Path.of("src/main/webapp"), ".xhtml", PAGE_KEY));
        assertTrue(named.size() > 250, "the scan finds the codes: " + named.size());

        named.removeIf(english::containsKey);
        assertEquals(Set.of(), named, "named but without a sentence");
    }

    @Test
    void theTextsOfOneFailureReadInEitherLanguage() {
        Text hint = Text.of("field.recipient", 2, Text.of("address.notAnAddress", "x@"));
        assertEquals("Recipient 2: 'x@' is not an e-mail address (expected name@domain).", hint.english());
        assertEquals("Empfänger 2: „x@“ ist keine E-Mail-Adresse (erwartet: name@domain).", hint.in(GERMAN));
        assertEquals(
                "Port must be between 1 and 65535.",
                Text.of("field.port.range").in(Locale.FRENCH),
                "a language without a bundle is English, whatever the JVM's default");
        assertEquals(
                "No connection to h:25 within 10000 ms.",
                Text.of("failure.connectTimeout", "h:25", 10000).english(),
                "numbers are digits, never grouped");
        assertEquals("535 {0} it's", Text.verbatim("535 {0} it's").in(GERMAN), "verbatim words are not formatted");
        assertEquals(
                "The server offers AUTH null but not PLAIN: choose a mechanism the server offers.",
                Text.of("hint.mechanisms", null, "PLAIN").english(),
                "a missing value reads as it always did");
    }

    private static Properties bundle(String name) {
        try (InputStream in = MessagesTest.class.getResourceAsStream("/com/mailroom/" + name)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> difference(Properties a, Properties b) {
        Set<String> only = new TreeSet<>(a.stringPropertyNames());
        only.removeAll(b.stringPropertyNames());
        return only;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Set<String> found(Path root, String extension, Pattern pattern) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(extension)).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }
}
