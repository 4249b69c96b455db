package com.mailroom.it;

import com.mailroom.it.servers.Kind;
import com.mailroom.it.servers.RunsOn;

/** The portable checks on WildFly 39.0.1.Final (JDK 17), provisioned by the build and configured by
 * server-config/wildfly/mailroom.cli. */
@RunsOn(Kind.WILDFLY)
class WildFlyIT extends PortableChecks {}
