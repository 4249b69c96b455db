package com.mailroom.benchmark;

/** The one mail every way of the benchmark sends: a typical notification, a few lines of text, no attachment. */
public final class BenchmarkMail {

    public static final String TEXT = "Hello,\n\nyour report is ready. This is a benchmark mail of typical notification"
            + " size, a few lines of text and no attachment.\n\nRegards,\nMailroom\n";

    private BenchmarkMail() {}
}
