package vn.bhxh.cms.distribution;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.bhxh.publisher.channels.Channels;
import vn.bhxh.publisher.delivery.ChannelDescriptor;

/**
 * The editorial calendar as a page draws it: whole weeks from Monday (a month, or one week), each day with what goes
 * out and the campaign periods running that day; in the week view also one row per channel. Channels and campaigns
 * carry their names for the page language and a colour number so one channel or campaign looks the same everywhere.
 *
 * @param weeks    the grid, seven days a row; days outside the month are marked {@code outside}
 * @param lanes    the week view's rows, one per channel shown, with that channel's jobs on each of the seven days
 * @param bands    the campaign periods that touch the grid
 */
public record CalendarGrid(LocalDate first, LocalDate last, List<Week> weeks, List<Lane> lanes, List<Band> bands) {

    /** Colours a page has for channels and campaigns (css classes ch-0…ch-5, band-0…band-3). */
    static final int CHANNEL_COLOURS = 6;
    static final int BAND_COLOURS = 4;

    public record Week(List<Cell> days) {
    }

    public record Cell(LocalDate date, boolean outside, boolean today, List<Entry> jobs, List<Band> bands) {
    }

    /** One job on the grid: its time and state, the channel by name, the target and the title that go out. */
    public record Entry(JobView job, String channelName, int colour) {
    }

    public record Lane(String channelId, String channelName, int colour, List<List<Entry>> days) {
    }

    public record Band(String code, String name, LocalDate start, LocalDate end, int colour) {

        public boolean covers(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }

    /** The Monday on or before {@code day}. */
    public static LocalDate weekStart(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * The grid from {@code first} to {@code last} (whole weeks), filled from the calendar; {@code month} marks the days
     * of other months, {@code laneChannels} are the channels that get a row (the week view).
     */
    static CalendarGrid of(CalendarView calendar, LocalDate first, LocalDate last, Integer month, LocalDate today,
            List<ChannelDescriptor> laneChannels, Locale locale) {
        String language = locale.getLanguage();
        List<ChannelDescriptor> all = Channels.all();
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < calendar.campaigns().size(); i++) {
            CalendarView.Campaign c = calendar.campaigns().get(i);
            String name = "en".equals(language) && c.nameEn() != null ? c.nameEn() : c.nameVi();
            bands.add(new Band(c.code(), name, c.start(), c.end(), i % BAND_COLOURS));
        }
        Map<LocalDate, List<JobView>> jobs = new HashMap<>();
        calendar.days().forEach(day -> jobs.put(day.date(), day.jobs()));
        List<Week> weeks = new ArrayList<>();
        List<Cell> row = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            LocalDate date = day;
            List<Entry> entries = jobs.getOrDefault(day, List.of()).stream()
                    .map(job -> entry(job, all, language)).toList();
            row.add(new Cell(day, month != null && day.getMonthValue() != month, day.equals(today), entries,
                    bands.stream().filter(b -> b.covers(date)).toList()));
            if (row.size() == 7) {
                weeks.add(new Week(List.copyOf(row)));
                row.clear();
            }
        }
        List<Lane> lanes = new ArrayList<>();
        for (ChannelDescriptor channel : laneChannels) {
            List<List<Entry>> perDay = new ArrayList<>();
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                perDay.add(jobs.getOrDefault(day, List.of()).stream().filter(j -> channel.channel().equals(j.channel()))
                        .map(job -> entry(job, all, language)).toList());
            }
            lanes.add(new Lane(channel.channel().id(), channel.displayName(language), colour(channel, all), perDay));
        }
        return new CalendarGrid(first, last, weeks, lanes, bands);
    }

    private static Entry entry(JobView job, List<ChannelDescriptor> all, String language) {
        ChannelDescriptor descriptor = all.stream().filter(d -> d.channel().equals(job.channel())).findFirst().orElse(null);
        return new Entry(job, descriptor == null ? job.channel().id() : descriptor.displayName(language),
                descriptor == null ? 0 : colour(descriptor, all));
    }

    private static int colour(ChannelDescriptor channel, List<ChannelDescriptor> all) {
        return Math.max(0, all.indexOf(channel)) % CHANNEL_COLOURS;
    }
}
