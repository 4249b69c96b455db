package com.mailroom.benchmark;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Properties;

/**
 * Ways (a) and (b): plain Jakarta Mail in the benchmark's JVM, with the same STARTTLS and AUTH as Mailroom uses
 * (the sink requires both). One session for all mails, so (b) may resume TLS sessions as any long-running peer
 * with one SSL context would.
 */
final class PlainJakartaMail {

    private final Sink sink;
    private final Session session;

    PlainJakartaMail(Sink sink) {
        this.sink = sink;
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(sink.port()));
        p.setProperty("mail.smtp.localhost", "benchmark.test");
        p.setProperty("mail.smtp.starttls.enable", "true");
        p.setProperty("mail.smtp.starttls.required", "true");
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        p.put("mail.smtp.ssl.socketFactory", sink.clientTls.getSocketFactory());
        p.setProperty("mail.smtp.auth", "true");
        p.setProperty("mail.smtp.auth.mechanisms", "PLAIN LOGIN");
        p.setProperty("mail.from", "bench@example.com");
        session = Session.getInstance(p);
    }

    /** (a) the practical ceiling: one connection (one handshake, one login) for all mails. */
    Duration oneConnection(int n) throws Exception {
        int target = sink.received() + n;
        long start = System.nanoTime();
        try (Transport t = session.getTransport("smtp")) {
            t.connect("127.0.0.1", sink.port(), Sink.USER, Sink.PASSWORD);
            for (int i = 0; i < n; i++) {
                MimeMessage m = message(i);
                t.sendMessage(m, m.getAllRecipients());
            }
        }
        sink.awaitCount(target);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** (b) as most peers send: connect, STARTTLS, AUTH, one mail, QUIT — every mail. */
    Duration connectionPerMail(int n) throws Exception {
        int target = sink.received() + n;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            try (Transport t = session.getTransport("smtp")) {
                t.connect("127.0.0.1", sink.port(), Sink.USER, Sink.PASSWORD);
                MimeMessage m = message(i);
                t.sendMessage(m, m.getAllRecipients());
            }
        }
        sink.awaitCount(target);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private MimeMessage message(int i) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("bench@example.com"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("r" + i + "@example.com"));
        m.setSubject("Benchmark " + i, "UTF-8");
        m.setText(BenchmarkMail.TEXT, "UTF-8");
        m.saveChanges();
        return m;
    }
}
