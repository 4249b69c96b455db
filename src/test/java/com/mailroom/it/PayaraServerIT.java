package com.mailroom.it;

import com.mailroom.it.servers.Kind;
import com.mailroom.it.servers.RunsOn;

/** The portable checks on Payara Server 6 (JDK 17), a domain created by the test and configured by
 * server-config/payara-server/domain.asadmin. */
@RunsOn(Kind.PAYARA_SERVER)
class PayaraServerIT extends PortableChecks {}
