package com.mailroom.it;

import java.io.File;
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

    private Deployments() {}

    /**
     * @param config MicroProfile Config for this deployment only (e.g. rate limits), added as the WAR's
     *               {@code microprofile-config.properties}; system properties from arquillian.xml still win
     */
    public static WebArchive mailroom(String... config) {
        ServerLog.capture();
        File war = new File(System.getProperty("mailroom.war", "target/mailroom.war"));
        var archive = ShrinkWrap.createFromZipFile(WebArchive.class, war);
        archive.addAsResource(
                new StringAsset(String.join("\n", TEST_DEFAULTS) + "\n" + String.join("\n", config)),
                "META-INF/microprofile-config.properties");
        return archive;
    }
}
