package com.mailroom.delivery.control;

import com.mailroom.platform.MailAddress;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Builds the MIME message of a claimed mail: UTF-8 throughout; text, html or both (multipart/alternative); with
 * attachments multipart/mixed. The Message-ID derives from the mail's id, so a mail sent twice (at-least-once after a
 * crash) carries the same Message-ID and receivers can tell.
 */
final class MimeMessages {

    static final String CATEGORY_HEADER = "X-Mailroom-Category";
    private static final String UTF8 = StandardCharsets.UTF_8.name();

    private MimeMessages() {}

    static MimeMessage build(Session session, MailAddress from, ClaimedMail mail, ClaimedMail.Content content)
            throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, "<" + mail.id() + "@" + domain(from) + ">");
        try {
            message.setFrom(new InternetAddress(from.address(), from.displayName(), UTF8));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
        message.setRecipients(Message.RecipientType.TO, addresses(mail.to()));
        message.setRecipients(Message.RecipientType.CC, addresses(mail.cc()));
        message.setRecipients(Message.RecipientType.BCC, addresses(mail.bcc()));
        message.setSubject(mail.subject(), UTF8);
        message.setHeader(CATEGORY_HEADER, mail.category().toLowerCase(Locale.ROOT));
        message.setSentDate(new Date());
        if (content.attachments().isEmpty()) {
            body(message, content);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart bodies = new MimeBodyPart();
            body(bodies, content);
            mixed.addBodyPart(bodies);
            for (ClaimedMail.Attachment a : content.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(
                        new ByteArrayDataSource(Base64.getDecoder().decode(a.contentBase64()), a.contentType())));
                part.setFileName(a.filename());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    private static void body(MimePart part, ClaimedMail.Content content) throws MessagingException {
        boolean text = content.text() != null && !content.text().isEmpty();
        boolean html = content.html() != null && !content.html().isEmpty();
        if (text && html) {
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(content.text(), UTF8);
            MimeBodyPart rich = new MimeBodyPart();
            rich.setText(content.html(), UTF8, "html");
            alternative.addBodyPart(plain);
            alternative.addBodyPart(rich);
            part.setContent(alternative);
        } else if (html) {
            part.setText(content.html(), UTF8, "html");
        } else {
            part.setText(text ? content.text() : "", UTF8);
        }
    }

    private static InternetAddress[] addresses(List<String> canonical) throws MessagingException {
        InternetAddress[] result = new InternetAddress[canonical.size()];
        for (int i = 0; i < result.length; i++) {
            var parsed = MailAddress.parse(canonical.get(i));
            if (!parsed.valid()) {
                throw new MessagingException("Stored recipient no longer valid: " + parsed.problem());
            }
            try {
                result[i] = new InternetAddress(
                        parsed.value().address(), parsed.value().displayName(), UTF8);
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }
        return result;
    }

    private static String domain(MailAddress from) {
        return from.address().substring(from.address().lastIndexOf('@') + 1);
    }

    /** Keeps the Message-ID chosen above instead of the random one {@code saveChanges} would make. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
