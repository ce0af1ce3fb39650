package vn.bhxh.templates.render;

import java.util.List;
import vn.bhxh.templates.channel.TemplateChannel;
import vn.bhxh.templates.payload.ChannelPayload;
import vn.bhxh.templates.rules.RuleViolation;
import vn.bhxh.templates.rules.Severity;
import vn.bhxh.templates.template.ResolvedTemplate;

/**
 * What a variant will look like on a channel and which rules it breaks.
 *
 * @param templates the templates used, so the editor sees "Vietnamese default used" or "override v3"
 */
public record Preview(TemplateChannel channel, String languageTag, ChannelPayload payload, List<RuleViolation> violations,
                      List<ResolvedTemplate> templates) {

    public Preview {
        violations = List.copyOf(violations);
        templates = List.copyOf(templates);
    }

    /** False when a blocking rule is broken: the publisher must not send this payload. */
    public boolean publishable() {
        return violations.stream().noneMatch(violation -> violation.severity() == Severity.BLOCKING);
    }
}
