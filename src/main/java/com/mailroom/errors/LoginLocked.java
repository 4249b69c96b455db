package com.mailroom.errors;

import com.mailroom.platform.Text;
import java.time.Duration;

/**
 * 429: too many failed logins for this name or from this address. Worded the same whether the name exists or not,
 * and whether the password given now was right or wrong (it was not checked).
 */
public class LoginLocked extends RateLimited {

    public LoginLocked(Duration wait) {
        this(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    private LoginLocked(long seconds) {
        super(
                seconds < 120
                        ? Text.of("error.loginLocked.seconds", seconds)
                        : Text.of("error.loginLocked.minutes", (seconds + 59) / 60),
                seconds);
    }
}
