package vn.bhxh.cms.distribution;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.bhxh.cms.reference.ReferenceKind;
import vn.bhxh.cms.reference.ReferenceLists;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.cms.security.Role;
import vn.bhxh.cms.site.PageController;
import vn.bhxh.cms.site.WebFormats;
import vn.bhxh.publisher.channels.Channels;
import vn.bhxh.publisher.delivery.ChannelDescriptor;

/**
 * The editorial calendar: a month or a week of what goes out on each channel, with the campaign periods, narrowed to
 * one channel or campaign; each job opens its own page. Days come from the address as typed: an unreadable day, or one
 * more than {@link #REACH_YEARS} years away, shows today's month instead of a page from another decade.
 */
@PageController
class CalendarPages {

    static final int REACH_YEARS = 10;

    private final ScheduleService schedules;
    private final ReferenceLists reference;

    CalendarPages(ScheduleService schedules, ReferenceLists reference) {
        this.schedules = schedules;
        this.reference = reference;
    }

    @GetMapping("/publishing/calendar")
    String calendar(@RequestParam(required = false) String view, @RequestParam(required = false) String day,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String campaign, Model model,
            Locale locale) {
        LocalDate today = LocalDate.now(WebFormats.VIETNAM);
        LocalDate anchor = day(day, today);
        boolean week = "week".equals(view);
        Map<String, String> campaigns = reference.names(ReferenceKind.CAMPAIGNS, locale);
        String chosenCampaign = campaign != null && campaigns.containsKey(campaign) ? campaign : null;
        ChannelDescriptor chosenChannel = Channels.all().stream().filter(d -> d.channel().id().equals(channel)).findFirst()
                .orElse(null);
        LocalDate first;
        LocalDate last;
        Integer month = null;
        if (week) {
            first = CalendarGrid.weekStart(anchor);
            last = first.plusDays(6);
        } else {
            YearMonth shown = YearMonth.from(anchor);
            month = shown.getMonthValue();
            first = CalendarGrid.weekStart(shown.atDay(1));
            last = CalendarGrid.weekStart(shown.atEndOfMonth()).plusDays(6);
        }
        CalendarView calendar = schedules.calendar(first, last, chosenCampaign,
                chosenChannel == null ? null : chosenChannel.channel().id());
        if (chosenCampaign != null) {
            calendar = new CalendarView(calendar.from(), calendar.to(), calendar.timeZone(),
                    calendar.campaigns().stream().filter(c -> c.code().equals(chosenCampaign)).toList(), calendar.days());
        }
        List<ChannelDescriptor> lanes = chosenChannel != null ? List.of(chosenChannel) : Channels.all();
        model.addAttribute("grid", CalendarGrid.of(calendar, first, last, month, today, week ? lanes : List.of(), locale));
        model.addAttribute("week", week);
        model.addAttribute("view", week ? "week" : "month");
        model.addAttribute("anchor", anchor);
        model.addAttribute("monthShown", YearMonth.from(anchor));
        model.addAttribute("previous", week ? anchor.minusWeeks(1) : YearMonth.from(anchor).minusMonths(1).atDay(1));
        model.addAttribute("next", week ? anchor.plusWeeks(1) : YearMonth.from(anchor).plusMonths(1).atDay(1));
        model.addAttribute("today", today);
        model.addAttribute("channels", Channels.all());
        model.addAttribute("channel", chosenChannel == null ? null : chosenChannel.channel().id());
        model.addAttribute("campaigns", campaigns);
        model.addAttribute("campaign", chosenCampaign);
        model.addAttribute("english", "en".equals(locale.getLanguage()));
        return "publishing/calendar";
    }

    /** One job: what goes out where and when, what became of it, and its product. */
    @GetMapping("/publishing/jobs/{jobId}")
    String job(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String jobId, Model model, Locale locale) {
        JobView job = schedules.jobWithHistory(user.actor(), jobId);
        model.addAttribute("job", job);
        model.addAttribute("channelName", Channels.find(job.channel()).map(d -> d.displayName(locale.getLanguage()))
                .orElse(job.channel().id()));
        model.addAttribute("languages", reference.names(ReferenceKind.LANGUAGES, locale));
        model.addAttribute("campaigns", reference.names(ReferenceKind.CAMPAIGNS, locale));
        model.addAttribute("day", job.dueAt().atZone(WebFormats.VIETNAM).toLocalDate());
        model.addAttribute("canAct", user.actor().hasAny(Role.SCHEDULING));
        return "publishing/job";
    }

    /** The day asked for, or today when it is missing, unreadable or too far away to be meant. */
    static LocalDate day(String value, LocalDate today) {
        if (value == null || value.isBlank()) {
            return today;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            return day.isBefore(today.minusYears(REACH_YEARS)) || day.isAfter(today.plusYears(REACH_YEARS)) ? today : day;
        } catch (DateTimeParseException e) {
            return today;
        }
    }
}
