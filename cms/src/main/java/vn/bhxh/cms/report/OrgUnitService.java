package vn.bhxh.cms.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.reference.ReferenceData;
import vn.bhxh.cms.reference.ReferenceItem;
import vn.bhxh.cms.reference.ReferenceKind;
import vn.bhxh.cms.security.Actor;

/**
 * The reporting tree: the centre, the provinces of the reference data and the communes each province keeps
 * (typed in or imported from a CSV file with the columns {@code code,name}).
 */
@Service
public class OrgUnitService {

    public static final OrgUnit CENTRE = new OrgUnit(OrgUnit.Level.CENTRE, "TW", "Trung tâm Truyền thông BHXH Việt Nam", null);
    /** Largest commune list one import accepts (rows after the header). */
    static final int MAX_IMPORT_ROWS = CommuneStore.MAX_COMMUNES_PER_PROVINCE;
    static final int MAX_CODE = 20;
    static final int MAX_NAME = 200;

    /** Most addresses one province has reminders sent to. */
    static final int MAX_CONTACTS = 10;
    /** The longest address SMTP allows (RFC 5321 path limit). */
    static final int MAX_EMAIL = 254;
    /** Something@somewhere.tld without spaces: what a person may mistype is caught, every real address passes. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final ReferenceData reference;
    private final CommuneStore communes;
    private final ReminderStore contacts;
    private final ReportAccess access;
    private final Clock clock;

    OrgUnitService(ReferenceData reference, CommuneStore communes, ReminderStore contacts, ReportAccess access, Clock clock) {
        this.reference = reference;
        this.communes = communes;
        this.contacts = contacts;
        this.access = access;
        this.clock = clock;
    }

    public List<OrgUnit> provinces() {
        return reference.list(ReferenceKind.PROVINCES).stream()
                .map(p -> new OrgUnit(OrgUnit.Level.PROVINCE, p.code(), p.nameVi(), CENTRE.code())).toList();
    }

    /** Province names by code, in the reference data's order. */
    public Map<String, String> provinceNames() {
        Map<String, String> names = new LinkedHashMap<>();
        provinces().forEach(p -> names.put(p.code(), p.name()));
        return names;
    }

    public OrgUnit province(String code) {
        Optional<ReferenceItem> item = code == null ? Optional.empty() : reference.find(ReferenceKind.PROVINCES, code);
        return item.map(p -> new OrgUnit(OrgUnit.Level.PROVINCE, p.code(), p.nameVi(), CENTRE.code()))
                .orElseThrow(() -> new NotFoundException("tỉnh", code));
    }

    public List<Commune> communes(Actor actor, String province) {
        province(province);
        access.requireRead(actor, province);
        return communes.of(province);
    }

    /** Adds or renames communes of a province (same code: renamed). */
    public List<Commune> saveCommunes(Actor actor, String province, List<Commune> changed) {
        province(province);
        access.requireEdit(actor, province);
        List<ReportIssue> errors = new ArrayList<>();
        for (int i = 0; i < changed.size(); i++) {
            validate(changed.get(i), "communes[" + i + "]", errors);
        }
        if (!errors.isEmpty()) {
            throw new ReportValidationException(errors);
        }
        communes.saveAll(changed.stream().map(c -> new Commune(Commune.id(province, c.code().strip()), province, c.code().strip(),
                c.name().strip())).toList());
        return communes.of(province);
    }

    /**
     * Imports a commune list: an XLSX workbook (its first sheet) or a CSV file, told apart by their first bytes, each
     * with a header row and the columns code, name. Every bad row is named, and then nothing is saved.
     */
    public List<Commune> importFile(Actor actor, String province, InputStream file) throws IOException {
        byte[] bytes = file.readNBytes(ReportWorkbook.MAX_BYTES + 1);
        if (bytes.length > ReportWorkbook.MAX_BYTES) {
            throw ReportValidationException.of("file", "report.error.file-too-large", ReportWorkbook.MAX_BYTES / 1024 / 1024);
        }
        boolean zip = bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K';
        List<List<String>> rows = zip ? ReportWorkbook.rows(new ByteArrayInputStream(bytes))
                : Csv.rows(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
        return importRows(actor, province, rows);
    }

    /** The rows of a file, the header first; a blank row is an empty list (kept, so that rows are counted as people do). */
    private List<Commune> importRows(Actor actor, String province, List<List<String>> rows) {
        List<Commune> communes = new ArrayList<>();
        List<ReportIssue> errors = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (communes.size() >= MAX_IMPORT_ROWS) {
                throw ReportValidationException.of("file", "report.error.too-many-rows", MAX_IMPORT_ROWS);
            }
            Commune commune = new Commune(null, province, cells.get(0).strip(), cells.size() > 1 ? cells.get(1).strip() : "");
            validate(commune, i + 1, errors);
            communes.add(commune);
        }
        if (!errors.isEmpty()) {
            throw new ReportValidationException(errors);
        }
        if (communes.isEmpty()) {
            // A file with no commune under its header (or not a table at all) must not replace the list with nothing.
            throw ReportValidationException.of("file", "report.error.no-communes");
        }
        return saveCommunes(actor, province, communes);
    }

    /** The addresses a province's reporting reminders go to (none: no reminders). */
    public List<String> contacts(Actor actor, String province) {
        province(province);
        access.requireRead(actor, province);
        return contacts.contacts(province).map(ProvinceContacts::emails).orElse(List.of());
    }

    /** Replaces a province's reminder addresses; every bad one is named, and then nothing is saved. */
    public List<String> saveContacts(Actor actor, String province, List<String> emails) {
        province(province);
        access.requireEdit(actor, province);
        List<String> given = emails == null ? List.of() : emails;
        if (given.size() > MAX_CONTACTS) {
            throw ReportValidationException.of("emails", "report.error.too-many-emails", MAX_CONTACTS);
        }
        List<ReportIssue> errors = new ArrayList<>();
        List<String> clean = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String email = given.get(i) == null ? "" : given.get(i).strip();
            if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
                errors.add(new ReportIssue("emails[" + i + "]", "report.error.email", email, MAX_EMAIL));
            } else if (!clean.contains(email.toLowerCase(Locale.ROOT))) {
                clean.add(email.toLowerCase(Locale.ROOT));
            }
        }
        if (!errors.isEmpty()) {
            throw new ReportValidationException(errors);
        }
        return contacts.saveContacts(new ProvinceContacts(province, clean, clock.instant(), actor.username())).emails();
    }

    /** Checks a row of an imported file, naming the cell that is wrong. */
    private static void validate(Commune commune, int row, List<ReportIssue> errors) {
        if (badCode(commune)) {
            errors.add(new ReportIssue(Csv.cell(row, 0), "report.error.commune-code", MAX_CODE));
        }
        if (badName(commune)) {
            errors.add(new ReportIssue(Csv.cell(row, 1), "report.error.commune-name", MAX_NAME));
        }
    }

    private static void validate(Commune commune, String where, List<ReportIssue> errors) {
        if (badCode(commune)) {
            errors.add(new ReportIssue(where, "report.error.commune-code", MAX_CODE));
        }
        if (badName(commune)) {
            errors.add(new ReportIssue(where, "report.error.commune-name", MAX_NAME));
        }
    }

    private static boolean badCode(Commune commune) {
        return commune.code() == null || commune.code().isBlank() || commune.code().strip().length() > MAX_CODE;
    }

    private static boolean badName(Commune commune) {
        return commune.name() == null || commune.name().isBlank() || commune.name().strip().length() > MAX_NAME;
    }
}
