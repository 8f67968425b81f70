package io.lotabots.document.boundary;

/** What a download needs before its bytes: where they are and how to describe them. */
public record DocumentContent(
        String objectKey, int number, String contentType, String fileName, long size, String sha256) {}
