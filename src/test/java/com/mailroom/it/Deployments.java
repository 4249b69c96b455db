package com.mailroom.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR exactly as Maven built it: the integration tests run what operators deploy. */
public final class Deployments {

    private Deployments() {}

    /**
     * @param config MicroProfile Config for this deployment only (e.g. rate limits), added as the WAR's
     *               {@code microprofile-config.properties}; system properties from arquillian.xml still win
     */
    public static WebArchive mailroom(String... config) {
        ServerLog.capture();
        File war = new File(System.getProperty("mailroom.war", "target/mailroom.war"));
        var archive = ShrinkWrap.createFromZipFile(WebArchive.class, war);
        archive.addAsResource(new StringAsset(String.join("\n", config)), "META-INF/microprofile-config.properties");
        return archive;
    }
}
