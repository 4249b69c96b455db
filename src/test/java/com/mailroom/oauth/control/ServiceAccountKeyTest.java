package com.mailroom.oauth.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mailroom.testsupport.GoogleKeyFile;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Reading a Google service account's JSON key file, and refusing the files that are not one. */
class ServiceAccountKeyTest {

    private static final GoogleKeyFile FILE = GoogleKeyFile.create(URI.create("https://oauth2.googleapis.com/token"));

    @Test
    void readsWhatTheGrantNeedsFromTheDownloadedFile() throws Exception {
        ServiceAccountKey key = ServiceAccountKey.parse(FILE.json());
        assertEquals(FILE.clientEmail(), key.clientEmail());
        assertEquals(FILE.clientId(), key.clientId());
        assertEquals(FILE.privateKeyId(), key.privateKeyId());
        assertEquals(FILE.tokenUri(), key.tokenUri());
        assertArrayEquals(
                FILE.keys().privateKey().getEncoded(), key.privateKey().getEncoded());
        assertFalse(key.toString().contains("PRIVATE KEY"));
    }

    @Test
    void otherFilesAreRefusedWithWhatIsWrong() {
        assertEquals(
                "credential.serviceAccount.type",
                problem(GoogleKeyFile.authorizedUserJson()).code());
        assertEquals(
                "authorized_user", problem(GoogleKeyFile.authorizedUserJson()).arguments()[0]);
        assertEquals(
                "credential.serviceAccount.type",
                problem(FILE.jsonOfType("external_account")).code());
        assertEquals(
                "credential.serviceAccount.notJson",
                problem(GoogleKeyFile.garbage()).code());
        assertEquals("credential.serviceAccount.notJson", problem("[1, 2]").code());
        for (String member : new String[] {"private_key", "client_email", "private_key_id", "token_uri"}) {
            CredentialProblem p = problem(FILE.jsonWithout(member));
            assertEquals("credential.serviceAccount.member", p.code(), member);
            assertEquals(member, p.arguments()[0]);
        }
        assertEquals(
                "credential.key.none",
                problem(FILE.jsonWith("private_key", "not a key")).code());
    }

    private static CredentialProblem problem(String json) {
        return assertThrows(CredentialProblem.class, () -> ServiceAccountKey.parse(json));
    }
}
