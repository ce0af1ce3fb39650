package vn.bhxh.templates.payload;

import vn.bhxh.templates.channel.TemplateChannel;

/** What a channel receives for one language variant. One record per channel. */
public sealed interface ChannelPayload permits PortalArticle, FacebookPost, ZaloArticle, YoutubeVideo, FeedCard,
        PushNotification, SmsMessage, EmailMessage, BroadcastSheet, PrintDocument {

    TemplateChannel channel();
}
