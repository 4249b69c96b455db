/**
 * What every component stands on: the application's own data source ({@code MailroomDataSource}, chosen from
 * MicroProfile Config: the H2 file in {@code mailroom.data-dir} or PostgreSQL), the Flyway migrations run at
 * start-up ({@code Database}), the data directory and this node's name, and the texts a person reads
 * ({@code Text}: a code of the messages bundle, said in English or German). Nothing here is specific to Payara, so
 * the WAR deploys on any Jakarta EE 10 server with MicroProfile: it is tested on Payara Micro 6 and 7, Payara
 * Server 6 and WildFly 39 (README, "Runs on"). For WildFly the data-source definition carries a {@code description},
 * the one connection property with a setter that IronJacamar insists on; the server pools the connections
 * everywhere.
 */
package com.mailroom.platform;
