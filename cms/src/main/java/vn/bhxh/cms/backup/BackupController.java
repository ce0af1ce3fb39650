package vn.bhxh.cms.backup;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.security.AccountPrincipal;

/**
 * Backups for administrators (see the security chain): make one now, list them, read one's manifest. A restore is a
 * start-up setting ({@code bhxh.backup.restore-from}): it needs an empty installation, which has no administrator yet.
 */
@RestController
@RequestMapping("/api/v1/backups")
class BackupController {

    private final BackupService backups;

    BackupController(BackupService backups) {
        this.backups = backups;
    }

    @PostMapping
    ResponseEntity<BackupManifest> create(@AuthenticationPrincipal AccountPrincipal admin) {
        BackupManifest manifest = backups.create(admin.actor().username());
        return ResponseEntity.created(URI.create("/api/v1/backups/" + manifest.name())).body(manifest);
    }

    @GetMapping
    List<BackupManifest> list() {
        return backups.list();
    }

    @GetMapping("/{name}")
    BackupManifest get(@PathVariable String name) {
        return backups.find(name).orElseThrow(() -> new NotFoundException("bản sao lưu", name));
    }
}
