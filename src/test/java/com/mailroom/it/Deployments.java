package com.mailroom.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR exactly as Maven built it: the integration tests run what operators deploy. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive mailroom() {
        ServerLog.capture();
        File war = new File(System.getProperty("mailroom.war", "target/mailroom.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
