package vn.bhxh.templates.render;

import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.payload.ChannelPayload;
import vn.bhxh.templates.rules.Rules;

/** Builds one channel's payload from its rendered slots and checks that channel's rules. */
interface ChannelRenderer {

    TemplateChannel channel();

    ChannelPayload render(SlotTexts texts, PreviewOptions options, Rules rules);
}
