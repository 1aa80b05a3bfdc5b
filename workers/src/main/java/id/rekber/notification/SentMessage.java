package id.rekber.notification;

import java.time.Instant;

/** A message the single-node sandbox provider "sent" (public for the page's template engine). */
public record SentMessage(String to, MessageSender.Channel channel, String text, Instant sentAt) {}
