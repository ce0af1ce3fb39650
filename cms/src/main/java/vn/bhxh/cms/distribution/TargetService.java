package vn.bhxh.cms.distribution;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.data.elasticsearch.core.query.SeqNoPrimaryTerm;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import vn.bhxh.cms.api.ApiException;
import vn.bhxh.cms.api.BadRequestException;
import vn.bhxh.cms.api.ConflictException;
import vn.bhxh.cms.api.ForbiddenException;
import vn.bhxh.cms.api.NotFoundException;
import vn.bhxh.cms.api.PreconditionFailedException;
import vn.bhxh.cms.api.Versions;
import vn.bhxh.cms.audit.AuditAction;
import vn.bhxh.cms.audit.AuditLog;
import vn.bhxh.cms.elasticsearch.VersionConflicts;
import vn.bhxh.cms.reference.ReferenceCodes;
import vn.bhxh.cms.reference.ReferenceKind;
import vn.bhxh.cms.security.Actor;
import vn.bhxh.cms.security.Role;
import vn.bhxh.publisher.channels.Channels;
import vn.bhxh.publisher.crypto.CredentialCipher;
import vn.bhxh.publisher.crypto.CredentialsUnusable;
import vn.bhxh.publisher.delivery.ChannelDescriptor.TargetField;
import vn.bhxh.publisher.delivery.ConnectionCheck;
import vn.bhxh.publisher.delivery.TargetCredentials;
import vn.bhxh.publisher.job.Channel;
import vn.bhxh.publisher.schedule.PublishSchedule;

/** The directory of channel targets: admins configure them; editors pick from them when scheduling. */
@Service
public class TargetService {

    static final int MAX_NAME = 200;
    static final int MAX_CREDENTIALS = 10;
    static final int MAX_CREDENTIAL_LENGTH = 4096;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,59}");

    private final TargetStore store;
    private final CredentialCipher cipher;
    private final ConnectionCheck check;
    private final PublishSchedule schedule;
    private final AuditLog audit;
    private final ReferenceCodes codes;
    private final Clock clock;

    TargetService(TargetStore store, CredentialCipher cipher, ConnectionCheck check, PublishSchedule schedule, AuditLog audit,
            ReferenceCodes codes, Clock clock) {
        this.codes = codes;
        this.store = store;
        this.cipher = cipher;
        this.check = check;
        this.schedule = schedule;
        this.audit = audit;
        this.clock = clock;
    }

    public List<TargetView> list(Actor actor) {
        if (!actor.hasAny(Role.SCHEDULING)) {
            throw new ForbiddenException("forbidden-action", "TARGETS");
        }
        return store.list().stream().map(TargetView::of).toList();
    }

    /** The ids of the targets that belong to a province (its portal, Fanpage, Zalo OA…), for its reports. */
    public List<String> idsOfProvince(String province) {
        return store.list().stream().filter(t -> province.equals(t.province())).map(ChannelTarget::id).toList();
    }

    public TargetView get(Actor actor, String id) {
        requireAdmin(actor);
        return TargetView.of(find(id));
    }

    public TargetView create(Actor actor, TargetCommand command) {
        requireAdmin(actor);
        if (command.id() == null || !ID.matcher(command.id()).matches()) {
            throw new BadRequestException("invalid-target-id", String.valueOf(command.id()));
        }
        validate(command);
        codes.require("province", ReferenceKind.PROVINCES, command.province());
        Map<String, String> credentials = command.credentials() == null ? Map.of() : command.credentials();
        requireCredentials(command.channel(), command.endpoint(), credentials);
        Instant now = clock.instant();
        ChannelTarget target = new ChannelTarget(command.id(), command.channel(), command.name().strip(), blankToNull(command.endpoint()),
                blankToNull(command.account()), credentials.isEmpty() ? null : TargetCredentials.seal(cipher, command.id(), credentials).value(),
                List.copyOf(new TreeSet<>(credentials.keySet())), interval(command), command.adminContacts(), blankToNull(command.province()),
                false, null, null, now, now, null);
        try {
            store.create(target);
        } catch (RuntimeException e) {
            if (VersionConflicts.is(e)) {
                throw new ConflictException("target-exists", command.id());
            }
            throw e;
        }
        audit.record(actor.username(), AuditAction.TARGET_CREATED, null, null, null, null, null,
                "target " + command.id() + " " + command.channel() + " credentials " + target.credentialNames());
        return TargetView.of(find(command.id()));
    }

    public TargetView update(Actor actor, String id, TargetCommand command) {
        return update(actor, id, null, command);
    }

    /** Changes a target made from version {@code expected} (412 when someone saved since); null: the current one. */
    public TargetView update(Actor actor, String id, SeqNoPrimaryTerm expected, TargetCommand command) {
        requireAdmin(actor);
        ChannelTarget current = find(id);
        if (expected != null && !expected.equals(current.seqNoPrimaryTerm())) {
            throw new PreconditionFailedException(Versions.etag(current.seqNoPrimaryTerm()), null);
        }
        if (command.channel() != null) {
            requireKnown(command.channel());
        }
        if (command.channel() != null && !command.channel().equals(current.channel())) {
            throw new BadRequestException("target-channel-fixed", current.channel().id());
        }
        TargetCommand complete = new TargetCommand(id, current.channel(), command.name(), command.endpoint(), command.account(),
                command.credentials(), command.minIntervalSeconds(), command.adminContacts(), command.province());
        validate(complete);
        codes.require("province", ReferenceKind.PROVINCES, complete.province());
        String sealed = current.sealedCredentials();
        List<String> names = current.credentialNames();
        if (command.credentials() != null) {
            requireCredentials(current.channel(), complete.endpoint(), command.credentials());
            sealed = command.credentials().isEmpty() ? null : TargetCredentials.seal(cipher, id, command.credentials()).value();
            names = List.copyOf(new TreeSet<>(command.credentials().keySet()));
        } else {
            // Kept credentials must still be enough, e.g. once the app feed gains a push endpoint it must sign.
            for (String name : Channels.of(current.channel()).requiredCredentials(blankToNull(complete.endpoint()) != null)) {
                if (!names.contains(name)) {
                    throw new BadRequestException("missing-credential", name, current.channel().id());
                }
            }
        }
        ChannelTarget changed = new ChannelTarget(id, current.channel(), complete.name().strip(), blankToNull(complete.endpoint()),
                blankToNull(complete.account()), sealed, names, interval(complete), complete.adminContacts(),
                blankToNull(complete.province()), current.paused(), current.pausedReason(), current.pausedAt(), current.createdAt(),
                clock.instant(), current.seqNoPrimaryTerm());
        try {
            store.save(changed);
        } catch (RuntimeException e) {
            if (VersionConflicts.is(e)) {
                throw new PreconditionFailedException(Versions.etag(find(id).seqNoPrimaryTerm()), null);
            }
            throw e;
        }
        audit.record(actor.username(), AuditAction.TARGET_UPDATED, null, null, null, null, null,
                "target " + id + (command.credentials() == null ? "" : ", credentials replaced " + names));
        return TargetView.of(find(id));
    }

    /** The admin's "test connection": one read-only call with the stored credentials. */
    public ConnectionCheck.Result test(Actor actor, String id) {
        requireAdmin(actor);
        ChannelTarget target = find(id);
        ConnectionCheck.Result result;
        try {
            result = check.check(TargetStore.target(target), TargetCredentials.open(cipher, TargetStore.target(target)));
        } catch (CredentialsUnusable e) {
            result = ConnectionCheck.Result.credentialsUnusable(TargetStore.target(target), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            result = new ConnectionCheck.Result(false, null, e.getMessage());
        }
        audit.record(actor.username(), AuditAction.TARGET_TESTED, null, null, null, null, null,
                "target " + id + (result.ok() ? " ok" : " failed: " + result.message()));
        return result;
    }

    /** After reconnecting a paused target: it takes posts again and its paused jobs go out. */
    public int resume(Actor actor, String id) {
        requireAdmin(actor);
        find(id);
        store.resume(id);
        int resumed = schedule.resumeTarget(id).size();
        audit.record(actor.username(), AuditAction.TARGET_RESUMED, null, null, null, null, null, "target " + id + ", jobs resumed " + resumed);
        return resumed;
    }

    private ChannelTarget find(String id) {
        return store.get(id).orElseThrow(() -> new NotFoundException("target", id));
    }

    private static void validate(TargetCommand command) {
        if (command.channel() == null) {
            throw new BadRequestException("invalid-target", "channel");
        }
        requireKnown(command.channel());
        if (command.name() == null || command.name().isBlank() || command.name().length() > MAX_NAME) {
            throw new BadRequestException("invalid-target", "name");
        }
        Set<TargetField> required = Channels.of(command.channel()).requiredFields();
        if (required.contains(TargetField.ENDPOINT) || (command.endpoint() != null && !command.endpoint().isBlank())) {
            URI endpoint;
            try {
                endpoint = command.endpoint() == null ? null : URI.create(command.endpoint().strip());
            } catch (IllegalArgumentException e) {
                endpoint = null;
            }
            if (endpoint == null || endpoint.getHost() == null
                    || !("https".equals(endpoint.getScheme()) || "http".equals(endpoint.getScheme()))) {
                throw new BadRequestException("invalid-target", "endpoint");
            }
        }
        if (required.contains(TargetField.ACCOUNT) && (command.account() == null || command.account().isBlank())) {
            throw new BadRequestException("invalid-target", "account");
        }
        if (command.minIntervalSeconds() != null && (command.minIntervalSeconds() < 0 || command.minIntervalSeconds() > 86_400)) {
            throw new BadRequestException("invalid-target", "minIntervalSeconds");
        }
    }

    /** A channel some installed plug-in offers; the answer lists those there are. */
    private static void requireKnown(Channel channel) {
        if (Channels.find(channel).isEmpty()) {
            throw new UnknownChannelException(channel);
        }
    }

    /** What the channel cannot work without (the app feed only when it also pushes to an endpoint); other keys are optional. */
    private static void requireCredentials(Channel channel, String endpoint, Map<String, String> credentials) {
        if (credentials.size() > MAX_CREDENTIALS || credentials.values().stream()
                .anyMatch(v -> v == null || v.length() > MAX_CREDENTIAL_LENGTH)) {
            throw new BadRequestException("invalid-target", "credentials");
        }
        Set<String> required = Channels.of(channel).requiredCredentials(endpoint != null && !endpoint.isBlank());
        for (String name : required) {
            if (credentials.get(name) == null || credentials.get(name).isBlank()) {
                throw new BadRequestException("missing-credential", name, channel.id());
            }
        }
    }

    private static long interval(TargetCommand command) {
        return command.minIntervalSeconds() == null ? 0 : command.minIntervalSeconds();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw new ForbiddenException("forbidden-action", "TARGETS");
        }
    }

    /** 400 naming the field, the value and the channels the installed plug-ins offer. */
    static final class UnknownChannelException extends ApiException {

        UnknownChannelException(Channel channel) {
            super(HttpStatus.BAD_REQUEST, "unknown-channel", Map.of("errors", List.of(Map.of("field", "channel", "value", channel.id()))),
                    channel.id(), Channels.all().stream().map(descriptor -> descriptor.channel().id()).collect(Collectors.joining(", ")));
        }
    }
}
