package vn.bhxh.cms.distribution;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.bhxh.cms.api.Versions;
import vn.bhxh.cms.security.AccountPrincipal;
import vn.bhxh.publisher.delivery.ConnectionCheck;

/** Channel targets: listed for editors who schedule, configured by admins. Credentials go in and never come out. */
@RestController
@RequestMapping("/api/v1/targets")
class TargetController {

    private final TargetService targets;

    TargetController(TargetService targets) {
        this.targets = targets;
    }

    @GetMapping
    List<TargetView> list(@AuthenticationPrincipal AccountPrincipal user) {
        return targets.list(user.actor());
    }

    @GetMapping("/{id}")
    ResponseEntity<TargetView> get(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id) {
        return withEtag(targets.get(user.actor(), id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<TargetView> create(@AuthenticationPrincipal AccountPrincipal user, @RequestBody TargetCommand command) {
        TargetView created = targets.create(user.actor(), command);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(created.etag()).body(created);
    }

    @PutMapping("/{id}")
    ResponseEntity<TargetView> update(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch, @RequestBody TargetCommand command) {
        return withEtag(targets.update(user.actor(), id, Versions.fromIfMatch(ifMatch), command));
    }

    private static ResponseEntity<TargetView> withEtag(TargetView target) {
        return ResponseEntity.ok().eTag(target.etag()).body(target);
    }

    @PostMapping("/{id}/test")
    ConnectionCheck.Result test(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id) {
        return targets.test(user.actor(), id);
    }

    @PostMapping("/{id}/resume")
    Map<String, Integer> resume(@AuthenticationPrincipal AccountPrincipal user, @PathVariable String id) {
        return Map.of("resumedJobs", targets.resume(user.actor(), id));
    }
}
