package com.mailroom.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.delivery.control.SendOutcome.Kind;
import com.mailroom.sending.control.SmtpTarget;
import com.mailroom.sending.control.Stage;
import com.mailroom.sending.control.Timeouts;
import com.mailroom.sending.entity.AuthMechanism;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.testsupport.Loopback;
import com.mailroom.testsupport.ScriptedSmtpServer;
import com.mailroom.testsupport.SubethaServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The batch on the wire, against SMTP servers on loopback. */
class BatchSenderTest {

    final BatchSender sender = new BatchSender(ids -> ids.stream()
            .collect(Collectors.toMap(id -> id, id -> new ClaimedMail.Content("Body of " + id, null, List.of()))));

    static SmtpTarget target(int port, AuthType auth) {
        return new SmtpTarget(
                "127.0.0.1",
                port,
                TlsMode.NONE,
                null,
                null,
                auth,
                AuthMechanism.AUTO,
                "u@example.com",
                auth == AuthType.NONE ? null : "secret-1",
                "Sender <s@example.com>",
                new Timeouts(2000, 2000, 2000),
                "test");
    }

    static List<ClaimedMail> mails(int n, String... to) {
        return IntStream.range(0, n)
                .mapToObj(i -> new ClaimedMail(
                        UUID.randomUUID().toString(),
                        "NEW_USER",
                        List.of(to.length == 0 ? "r" + i + "@example.com" : to[0]),
                        List.of(),
                        List.of(),
                        "Mail " + i,
                        100,
                        0,
                        1))
                .toList();
    }

    List<SendOutcome> send(SmtpTarget target, List<ClaimedMail> mails) {
        return sender.send(target, mails, Instant.now().plusSeconds(60), () -> false);
    }

    @Test
    void aBatchGoesOverOneConnection() throws Exception {
        try (var server = ScriptedSmtpServer.replying(Map.of())) {
            var outcomes = send(target(server.port(), AuthType.BASIC), mails(5));
            assertTrue(outcomes.stream().allMatch(o -> o.kind() == Kind.SENT), outcomes.toString());
            assertEquals(
                    1,
                    server.received.stream().filter(l -> l.startsWith("EHLO")).count(),
                    "one connection");
            assertEquals(
                    1,
                    server.received.stream().filter(l -> l.startsWith("AUTH")).count(),
                    "one login");
            assertEquals(
                    5,
                    server.received.stream()
                            .filter(l -> l.startsWith("MAIL FROM"))
                            .count());
            assertTrue(server.received.stream()
                    .anyMatch(
                            l -> l.startsWith("Message-ID: <" + outcomes.get(0).mailId() + "@example.com>")));
        }
    }

    @Test
    void theConnectionIsKeptForTheSameSettingsAndClosedWhenTheyChange() throws Exception {
        try (var server = ScriptedSmtpServer.replying(Map.of())) {
            SmtpTarget before = target(server.port(), AuthType.BASIC);
            send(before, mails(2));
            send(before, mails(2));
            assertEquals(
                    1,
                    server.received.stream().filter(l -> l.startsWith("EHLO")).count(),
                    "kept between batches");
            SmtpTarget saved = before.withSecret("a-new-password");
            var outcomes = send(saved, mails(2));
            assertTrue(outcomes.stream().allMatch(o -> o.kind() == Kind.SENT), outcomes.toString());
            assertEquals(
                    2,
                    server.received.stream().filter(l -> l.startsWith("EHLO")).count(),
                    "new settings, new connection");
            assertEquals(
                    1,
                    server.received.stream().filter(l -> l.startsWith("QUIT")).count(),
                    "the connection made with the old settings was closed");
        }
    }

    @Test
    void a4xxIsTransientAndA5xxPermanentWithTheReply() throws Exception {
        try (var busy = ScriptedSmtpServer.replying(Map.of(ScriptedSmtpServer.END_OF_DATA, "451 4.3.0 Try later"))) {
            var o = send(target(busy.port(), AuthType.NONE), mails(2)).get(1);
            assertEquals(Kind.TRANSIENT, o.kind());
            assertEquals(Stage.DATA, o.stage());
            assertEquals(451, o.smtpCode());
            assertFalse(o.settingsProblem());
        }
        try (var refusing = ScriptedSmtpServer.replying(Map.of("RCPT", "550 5.1.1 no such user"))) {
            var o = send(target(refusing.port(), AuthType.NONE), mails(1)).get(0);
            assertEquals(Kind.PERMANENT, o.kind());
            assertEquals(Stage.RCPT_TO, o.stage());
            assertTrue(o.describe().startsWith("rcpt_to: 550 5.1.1 no such user"), o.describe());
        }
        try (var sender = ScriptedSmtpServer.replying(Map.of("MAIL", "550 5.7.60 not allowed to send as"))) {
            var o = send(target(sender.port(), AuthType.NONE), mails(1)).get(0);
            assertEquals(Kind.PERMANENT, o.kind());
            assertTrue(o.settingsProblem(), "the From of the settings is refused");
        }
    }

    @Test
    void noConnectionOrAFailedLoginIsTransientForEveryMailAndASettingsProblem() throws Exception {
        int closed = Loopback.freePort();
        var outcomes = send(target(closed, AuthType.NONE), mails(3));
        assertEquals(3, outcomes.size());
        assertTrue(
                outcomes.stream()
                        .allMatch(o -> o.kind() == Kind.TRANSIENT && o.stage() == Stage.CONNECT && o.settingsProblem()),
                outcomes.toString());
        try (var login = ScriptedSmtpServer.replying(Map.of("AUTH", "535 5.7.8 Authentication credentials invalid"))) {
            var o = send(target(login.port(), AuthType.BASIC), mails(2));
            assertTrue(
                    o.stream()
                            .allMatch(
                                    x -> x.kind() == Kind.TRANSIENT && x.stage() == Stage.AUTH && x.settingsProblem()),
                    o.toString());
            assertFalse(o.get(0).describe().contains("secret-1"));
        }
    }

    @Test
    void aMailToSeveralRecipientsIsOneTransaction() {
        try (var server = SubethaServer.plain(0, "u@example.com", "secret-1")) {
            var mail = new ClaimedMail(
                    UUID.randomUUID().toString(),
                    "NEW_USER",
                    List.of("a@example.com", "b@example.com"),
                    List.of(),
                    List.of(),
                    "Hi",
                    100,
                    0,
                    1);
            var outcome =
                    send(target(server.port(), AuthType.NONE), List.of(mail)).get(0);
            assertEquals(Kind.SENT, outcome.kind());
            assertEquals(1, server.deliveries.size());
        }
    }

    @Test
    void pastTheDeadlineTheRestIsHandedBack() throws Exception {
        try (var server = ScriptedSmtpServer.replying(Map.of())) {
            var outcomes = sender.send(
                    target(server.port(), AuthType.NONE),
                    mails(3),
                    Instant.now().minusSeconds(1),
                    () -> false);
            assertTrue(outcomes.stream().allMatch(o -> o.kind() == Kind.NOT_ATTEMPTED));
            assertTrue(server.received.isEmpty(), "not even a connection");
        }
    }

    @Test
    void theConnectionIsReopenedWhenTheServerDropsIt() throws Exception {
        try (var server =
                ScriptedSmtpServer.replying(Map.of(ScriptedSmtpServer.END_OF_DATA, "421 4.4.2 closing, bye"))) {
            var o = send(target(server.port(), AuthType.NONE), mails(2));
            assertTrue(o.stream().allMatch(x -> x.kind() == Kind.TRANSIENT), o.toString());
            assertTrue(
                    server.received.stream().filter(l -> l.startsWith("EHLO")).count() >= 3, "reconnected");
        }
    }

    @Test
    void aSlowDownReplyHandsTheRestOfTheBatchBackWithoutAnotherTry() throws Exception {
        try (var server = ScriptedSmtpServer.replying(Map.of()).throttleAfter(1, "451 4.7.0 Throttling")) {
            var o = send(target(server.port(), AuthType.NONE), mails(3));
            assertEquals(
                    List.of(Kind.SENT, Kind.THROTTLED, Kind.THROTTLED),
                    o.stream().map(SendOutcome::kind).toList());
            assertEquals(451, o.get(1).smtpCode());
            assertTrue(o.get(2).message().contains("451 4.7.0 Throttling"), o.toString());
            assertEquals(
                    2,
                    server.received.stream().filter(l -> l.startsWith("MAIL")).count(),
                    "not tried again");
            assertFalse(o.get(1).settingsProblem(), "throttling says nothing about the settings");
        }
    }

    @Test
    void a421SlowDownIsNotAReconnectAndAGreetingThatSaysSoThrottlesTheBatch() throws Exception {
        try (var server = ScriptedSmtpServer.replying(Map.of())
                .throttleAfter(0, "421 4.7.0 Try again later, closing connection. (throttled)")) {
            var o = send(target(server.port(), AuthType.NONE), mails(2));
            assertTrue(o.stream().allMatch(x -> x.kind() == Kind.THROTTLED), o.toString());
            assertEquals(
                    1,
                    server.received.stream().filter(l -> l.startsWith("EHLO")).count(),
                    "no reconnect");
        }
        try (var busy =
                ScriptedSmtpServer.replying(Map.of(ScriptedSmtpServer.GREETING, "421 4.7.0 Too many connections"))) {
            var o = send(target(busy.port(), AuthType.NONE), mails(2));
            assertTrue(o.stream().allMatch(x -> x.kind() == Kind.THROTTLED), o.toString());
        }
    }
}
