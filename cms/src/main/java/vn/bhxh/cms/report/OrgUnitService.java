package vn.bhxh.cms.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final ReferenceData reference;
    private final CommuneStore communes;
    private final ReportAccess access;

    OrgUnitService(ReferenceData reference, CommuneStore communes, ReportAccess access) {
        this.reference = reference;
        this.communes = communes;
        this.access = access;
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

    /** Imports {@code code,name} rows (a header row first); every bad row is named, and then nothing is saved. */
    public List<Commune> importCsv(Actor actor, String province, Reader csv) throws IOException {
        List<Commune> rows = new ArrayList<>();
        List<ReportIssue> errors = new ArrayList<>();
        BufferedReader reader = new BufferedReader(csv);
        String line = reader.readLine();
        int row = 1;
        while ((line = reader.readLine()) != null) {
            row++;
            if (line.isBlank()) {
                continue;
            }
            if (rows.size() >= MAX_IMPORT_ROWS) {
                throw ReportValidationException.of("file", "report.error.too-many-rows", MAX_IMPORT_ROWS);
            }
            List<String> cells = Csv.split(line);
            Commune commune = new Commune(null, province, cells.get(0).strip(), cells.size() > 1 ? cells.get(1).strip() : "");
            validate(commune, Csv.cell(row, 0), errors);
            rows.add(commune);
        }
        if (!errors.isEmpty()) {
            throw new ReportValidationException(errors);
        }
        return saveCommunes(actor, province, rows);
    }

    private static void validate(Commune commune, String where, List<ReportIssue> errors) {
        if (commune.code() == null || commune.code().isBlank() || commune.code().strip().length() > MAX_CODE) {
            errors.add(new ReportIssue(where, "report.error.commune-code", MAX_CODE));
        }
        if (commune.name() == null || commune.name().isBlank() || commune.name().strip().length() > MAX_NAME) {
            errors.add(new ReportIssue(where, "report.error.commune-name", MAX_NAME));
        }
    }
}
