package com.mailroom.it;

import com.mailroom.it.servers.Kind;
import com.mailroom.it.servers.RunsOn;

/** The portable checks on Payara Micro 7 (Jakarta EE 11) on JDK 21+, the same WAR as on Payara Micro 6. */
@RunsOn(Kind.PAYARA_MICRO_7)
class PayaraMicro7IT extends PortableChecks {}
