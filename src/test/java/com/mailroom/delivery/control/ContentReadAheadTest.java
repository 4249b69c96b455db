package com.mailroom.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ContentReadAheadTest {

    private final List<List<String>> reads = new ArrayList<>();
    private final ContentReadAhead readAhead = new ContentReadAhead(ids -> {
        reads.add(ids);
        return ids.stream()
                .filter(id -> !id.equals("gone"))
                .collect(Collectors.toMap(id -> id, id -> new ClaimedMail.Content("Body of " + id, null, List.of())));
    });

    private static ClaimedMail mail(String id, long size) {
        return new ClaimedMail(id, "NEW_USER", List.of("a@example.com"), List.of(), List.of(), "s", size, 0, 1);
    }

    private static List<ClaimedMail> small(int n) {
        return IntStream.range(0, n).mapToObj(i -> mail("m" + i, 1000)).toList();
    }

    @Test
    void aBatchIsReadFiftyMailsAtATimeEachMailWithItsOwnContent() {
        List<ClaimedMail> mails = small(120);
        for (int i = 0; i < mails.size(); i++) {
            assertEquals("Body of m" + i, readAhead.of(mails, i).text());
        }
        assertEquals(List.of(50, 50, 20), reads.stream().map(List::size).toList());
        assertEquals("m50", reads.get(1).get(0));
    }

    @Test
    void aGroupStopsAtFourMebibytesButAlwaysTakesItsFirstMail() {
        long mib = 1024 * 1024;
        List<ClaimedMail> mails =
                List.of(mail("a", 3 * mib), mail("b", mib), mail("c", mib), mail("huge", 30 * mib), mail("d", 1));
        assertEquals(List.of("a", "b"), ids(ContentReadAhead.group(mails, 0)));
        assertEquals(List.of("c"), ids(ContentReadAhead.group(mails, 2)));
        assertEquals(List.of("huge"), ids(ContentReadAhead.group(mails, 3)));
        assertEquals(List.of("d"), ids(ContentReadAhead.group(mails, 4)));
    }

    @Test
    void aMailWhoseRowsAreGoneHasNoBodiesAndWhatWasReadForAnEndedBatchIsForgotten() {
        List<ClaimedMail> mails = List.of(mail("gone", 10), mail("x", 10));
        var none = readAhead.of(mails, 0);
        assertNull(none.text());
        assertEquals(List.of(), none.attachments());
        readAhead.clear();
        assertEquals("Body of x", readAhead.of(mails, 1).text());
        assertEquals(2, reads.size(), "read again after clear(): " + reads);
    }

    private static List<String> ids(List<ClaimedMail> mails) {
        return mails.stream().map(ClaimedMail::id).toList();
    }
}
