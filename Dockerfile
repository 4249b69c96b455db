# Mailroom on the official Payara Micro 6 image. Build the WAR first: mvn package -DskipTests
FROM payara/micro:6.2025.10-jdk17

COPY target/mailroom.war /opt/payara/deployments/mailroom.war
# hardening and a start-up log without the bundled trust store's expired-certificate dumps (server-config/README.md)
COPY server-config/post-boot-commands.asadmin /opt/payara/config/post-boot-commands.asadmin

# the embedded database and the generated key live here: mount a volume to keep them
ENV MAILROOM_DATA_DIR=/opt/payara/data
USER root
RUN mkdir -p /opt/payara/data && chown payara:payara /opt/payara/data
USER payara
VOLUME /opt/payara/data

EXPOSE 8080
CMD ["--deploy", "/opt/payara/deployments/mailroom.war", "--contextroot", "/", "--nocluster", "--disablephonehome", \
     "--postbootcommandfile", "/opt/payara/config/post-boot-commands.asadmin"]
