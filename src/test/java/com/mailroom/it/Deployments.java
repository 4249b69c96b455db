package com.mailroom.it;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR exactly as Maven built it: the integration tests run what operators deploy. */
public final class Deployments {

    /**
     * Every test client logs in from loopback, and many tests log in wrongly on purpose: one address's failures would
     * soon make all the others wait. Tests of the address limit set their own (later lines win).
     */
    static final List<String> TEST_DEFAULTS =
            List.of("mailroom.login.address-free-failures=100000", "mailroom.login.address-max-failures=200000");

    private static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

    private Deployments() {}

    /**
     * @param config MicroProfile Config for this deployment only (e.g. rate limits), added to the WAR's own
     *               {@code microprofile-config.properties}; system properties from arquillian.xml still win
     */
    public static WebArchive mailroom(String... config) {
        ServerLog.capture();
        File war = new File(System.getProperty("mailroom.war", "target/mailroom.war"));
        var archive = ShrinkWrap.createFromZipFile(WebArchive.class, war);
        String shipped = archive.contains(CONFIG)
                ? text(archive.delete(CONFIG).getAsset().openStream())
                : "";
        archive.add(
                new StringAsset(
                        shipped + "\n" + String.join("\n", TEST_DEFAULTS) + "\n" + String.join("\n", config) + "\n"),
                CONFIG);
        return archive;
    }

    private static String text(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
