package com.mailroom.delivery.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the bodies and attachments of a batch's mails a few at a time, ahead of their turn: one read (a transaction,
 * two queries) per {@value #MAILS} mails or {@value #BYTES} bytes rather than per mail, which was a third of a
 * worker's time per mail. A worker so holds at most that much content besides the mail it sends (a mail larger than
 * that is read alone).
 */
final class ContentReadAhead {

    static final int MAILS = 50;
    static final long BYTES = 4L * 1024 * 1024;

    private static final ClaimedMail.Content NONE = new ClaimedMail.Content(null, null, List.of());

    private final Function<List<String>, Map<String, ClaimedMail.Content>> read;
    private final Map<String, ClaimedMail.Content> ahead = new HashMap<>();

    /** @param read the contents of up to {@value #MAILS} mails by their ids */
    ContentReadAhead(Function<List<String>, Map<String, ClaimedMail.Content>> read) {
        this.read = read;
    }

    /** The content of {@code mails.get(i)}, reading it and those after it that fit when it is not read yet. */
    ClaimedMail.Content of(List<ClaimedMail> mails, int i) {
        ClaimedMail.Content content = ahead.remove(mails.get(i).id());
        if (content == null) {
            ahead.clear();
            ahead.putAll(read.apply(ids(group(mails, i))));
            content = ahead.remove(mails.get(i).id());
        }
        return content == null ? NONE : content;
    }

    /** Forgets what was read for mails not sent (the batch ended early). */
    void clear() {
        ahead.clear();
    }

    /** {@code mails.get(i)} and the mails after it, as many as fit in {@value #MAILS} mails and {@value #BYTES}. */
    static List<ClaimedMail> group(List<ClaimedMail> mails, int i) {
        List<ClaimedMail> group = new ArrayList<>();
        long bytes = 0;
        for (int j = i; j < mails.size() && group.size() < MAILS; j++) {
            bytes += mails.get(j).sizeBytes();
            if (!group.isEmpty() && bytes > BYTES) {
                break;
            }
            group.add(mails.get(j));
        }
        return group;
    }

    private static List<String> ids(List<ClaimedMail> mails) {
        return mails.stream().map(ClaimedMail::id).toList();
    }
}
